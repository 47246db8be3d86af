package dev.assay.policy.hardening;

import dev.assay.model.Severity;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Namespaces of the manifest set without a default-deny NetworkPolicy for one direction of traffic. Without
 * one, every pod accepts connections from (or opens them to) anywhere until some policy selects it, so one
 * compromised pod reaches every other.
 *
 * <p>A namespace counts as seen when a Namespace object names it or a namespaced object sits in it; objects
 * without {@code metadata.namespace} go wherever they are applied and count for none. A policy isolates
 * every pod of its namespace for a direction when its {@code podSelector} is empty, the direction is among
 * its effective {@code policyTypes} (given, or defaulted as the API server does: Ingress always, Egress when
 * it has egress rules), and no rule of that direction allows everything (a rule without peers and ports).
 * Policies applied to the cluster by other means are not seen: this judges the manifest set alone.
 */
final class DefaultDenyNetworkPolicyCheck implements ManifestSetCheck {
    enum Direction {
        INGRESS("Ingress", "ingress", "from"),
        EGRESS("Egress", "egress", "to");

        final String policyType;
        final String rulesField;
        final String peersField;

        Direction(String policyType, String rulesField, String peersField) {
            this.policyType = policyType;
            this.rulesField = rulesField;
            this.peersField = peersField;
        }
    }

    private final Direction direction;

    DefaultDenyNetworkPolicyCheck(Direction direction) {
        this.direction = direction;
    }

    @Override
    public String id() {
        return direction == Direction.INGRESS ? "namespace-default-deny-ingress" : "namespace-default-deny-egress";
    }

    @Override
    public Severity severity() {
        return direction == Direction.INGRESS ? Severity.MEDIUM : Severity.LOW;
    }

    @Override
    public String title() {
        return "Namespace has no default-deny " + direction.rulesField + " NetworkPolicy";
    }

    @Override
    public String remediation() {
        return "Add a NetworkPolicy with podSelector: {} and policyTypes: [" + direction.policyType + "] and no "
                + direction.rulesField + " rules, then allow the traffic each application needs.";
    }

    @Override
    public List<Anchored> check(List<KubeObject> objects) {
        // The first object of each namespace carries the finding unless a Namespace object names it.
        Map<String, Integer> anchors = new LinkedHashMap<>();
        Map<String, Boolean> isolated = new LinkedHashMap<>();
        for (int index = 0; index < objects.size(); index++) {
            KubeObject object = objects.get(index);
            if (object.is("", "Namespace") && !object.name().isEmpty()) {
                Integer previous = anchors.get(object.name());
                if (previous == null || !objects.get(previous).is("", "Namespace")) {
                    anchors.put(object.name(), index);
                }
            } else if (!object.namespace().isEmpty()) {
                anchors.putIfAbsent(object.namespace(), index);
            }
            if (object.is("networking.k8s.io", "NetworkPolicy")
                    && !object.namespace().isEmpty()
                    && isolatesEveryPod(object)) {
                isolated.put(object.namespace(), true);
            }
        }
        List<Anchored> violations = new ArrayList<>();
        anchors.forEach((namespace, index) -> {
            if (!isolated.getOrDefault(namespace, false)) {
                violations.add(new Anchored(
                        index,
                        "namespace " + Fields.quote(namespace) + " has no NetworkPolicy with podSelector: {} and"
                                + " policyTypes including " + direction.policyType + " that denies by default: "
                                + (direction == Direction.INGRESS
                                        ? "its pods accept connections from anywhere"
                                        : "its pods can connect anywhere")));
            }
        });
        return List.copyOf(violations);
    }

    private boolean isolatesEveryPod(KubeObject policy) {
        Map<?, ?> spec = Fields.map(policy.fields(), "spec");
        Map<?, ?> selector = Fields.map(spec, "podSelector");
        boolean selectsEveryPod = Fields.map(selector, "matchLabels").isEmpty()
                && Fields.list(selector, "matchExpressions").isEmpty();
        return selectsEveryPod && covers(spec) && !allowsEverything(spec);
    }

    private boolean covers(Map<?, ?> spec) {
        if (Fields.at(spec, "policyTypes") != null) {
            return Fields.strings(spec, "policyTypes").contains(direction.policyType);
        }
        return direction == Direction.INGRESS || !Fields.list(spec, "egress").isEmpty();
    }

    private boolean allowsEverything(Map<?, ?> spec) {
        for (Object rule : Fields.list(spec, direction.rulesField)) {
            if (Fields.list(rule, direction.peersField).isEmpty()
                    && Fields.list(rule, "ports").isEmpty()) {
                return true;
            }
        }
        return false;
    }
}
