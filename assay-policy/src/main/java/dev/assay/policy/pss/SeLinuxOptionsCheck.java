package dev.assay.policy.pss;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** SELinux may only pick a container type; custom users and roles escape confinement. */
public final class SeLinuxOptionsCheck implements PodSecurityCheck {
    static final int CONTAINER_ENGINE_SINCE = 31;
    private static final Set<String> TYPES_1_0 = Set.of("", "container_t", "container_init_t", "container_kvm_t");
    private static final Set<String> TYPES_1_31 =
            Set.of("", "container_t", "container_init_t", "container_kvm_t", "container_engine_t");

    @Override
    public String id() {
        return "seLinuxOptions";
    }

    @Override
    public Level level() {
        return Level.BASELINE;
    }

    @Override
    public Optional<PodSecurityViolation> evaluate(PolicyVersion version, PodInput pod) {
        Findings findings = new Findings(version.atLeast(CONTAINER_ENGINE_SINCE) ? TYPES_1_31 : TYPES_1_0);
        List<String> setters = new ArrayList<>();
        if (!findings.valid(Node.object(pod.podSecurityContext(), "seLinuxOptions"))) {
            setters.add("pod");
        }
        List<String> bad = new ArrayList<>();
        for (Container c : pod.containers()) {
            if (!findings.valid(Node.object(c.securityContext(), "seLinuxOptions"))) {
                bad.add(c.name());
            }
        }
        if (!bad.isEmpty()) {
            setters.add(Wording.containers(bad));
        }
        if (setters.isEmpty()) {
            return Optional.empty();
        }
        List<String> data = new ArrayList<>();
        List<String> types = Wording.sorted(findings.badTypes);
        if (!types.isEmpty()) {
            data.add(Wording.pluralize("type", "types", types.size()) + " " + Wording.joinQuote(types));
        }
        if (findings.setUser) {
            data.add("user may not be set");
        }
        if (findings.setRole) {
            data.add("role may not be set");
        }
        return forbidden(
                "seLinuxOptions",
                String.join(" and ", setters) + " set forbidden securityContext.seLinuxOptions: "
                        + String.join("; ", data));
    }

    /** What the pod and its containers set wrong, gathered across all of them as PSA does. */
    private static final class Findings {
        private final Set<String> allowedTypes;
        private final List<String> badTypes = new ArrayList<>();
        private boolean setUser;
        private boolean setRole;

        Findings(Set<String> allowedTypes) {
            this.allowedTypes = allowedTypes;
        }

        boolean valid(Map<?, ?> options) {
            if (options == null) {
                return true;
            }
            boolean valid = true;
            String type = Node.text(options, "type");
            if (!allowedTypes.contains(type)) {
                valid = false;
                badTypes.add(type);
            }
            if (!Node.text(options, "user").isEmpty()) {
                valid = false;
                setUser = true;
            }
            if (!Node.text(options, "role").isEmpty()) {
                valid = false;
                setRole = true;
            }
            return valid;
        }
    }
}
