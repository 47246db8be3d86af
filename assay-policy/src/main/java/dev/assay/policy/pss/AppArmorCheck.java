package dev.assay.policy.pss;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * AppArmor may be the runtime default or a node-local profile, never unconfined: the deprecated
 * per-container annotations and the {@code appArmorProfile} fields. PSA patched the field check into its
 * v1.0 rule, so it applies at every policy version.
 */
public final class AppArmorCheck implements PodSecurityCheck {
    private static final String ANNOTATION_PREFIX = "container.apparmor.security.beta.kubernetes.io/";

    private static boolean allowedAnnotation(String value) {
        return value.isEmpty() || "runtime/default".equals(value) || value.startsWith("localhost/");
    }

    /** The profile type when it is set to a forbidden one; an object without a type counts as type "". */
    private static String forbiddenType(Object securityContext) {
        Map<?, ?> profile = Node.object(securityContext, "appArmorProfile");
        if (profile == null) {
            return null;
        }
        String type = Node.text(profile, "type");
        return "RuntimeDefault".equals(type) || "Localhost".equals(type) ? null : type;
    }

    @Override
    public String id() {
        return "appArmorProfile";
    }

    @Override
    public Level level() {
        return Level.BASELINE;
    }

    @Override
    public Optional<PodSecurityViolation> evaluate(PolicyVersion version, PodInput pod) {
        List<String> setters = new ArrayList<>();
        List<String> badValues = new ArrayList<>();
        String podType = forbiddenType(pod.podSecurityContext());
        if (podType != null) {
            setters.add("pod");
            badValues.add(podType);
        }
        List<String> bad = new ArrayList<>();
        for (Container c : pod.containers()) {
            String type = forbiddenType(c.securityContext());
            if (type != null) {
                bad.add(c.name());
                badValues.add(type);
            }
        }
        if (!bad.isEmpty()) {
            setters.add(Wording.containers(bad));
        }
        List<String> annotations = new ArrayList<>();
        for (Map.Entry<?, ?> annotation : pod.annotations().entrySet()) {
            String key = String.valueOf(annotation.getKey());
            String value = Node.text(annotation.getValue());
            if (key.startsWith(ANNOTATION_PREFIX) && !allowedAnnotation(value)) {
                annotations.add(key + "=" + Wording.goQuote(value));
            }
        }
        // The field types first (sorted, distinct), then every bad annotation (sorted), as PSA lists them.
        List<String> values = new ArrayList<>(Wording.sorted(badValues));
        if (!annotations.isEmpty()) {
            values.addAll(annotations.stream().sorted(Wording.GO_ORDER).toList());
            setters.add(Wording.pluralize("annotation", "annotations", annotations.size()));
        }
        if (setters.isEmpty()) {
            return Optional.empty();
        }
        return forbidden(
                Wording.pluralize("forbidden AppArmor profile", "forbidden AppArmor profiles", values.size()),
                String.join(" and ", setters) + " must not set AppArmor profile type to " + Wording.joinQuote(values));
    }
}
