package dev.assay.policy.pss;

import dev.assay.policy.Violation;
import java.util.List;
import java.util.Set;

/** SELinux may only pick a container type; custom users and roles escape confinement. */
public final class SeLinuxOptionsCheck implements PodSecurityCheck {
    private static final Set<String> TYPES = Set.of("", "container_t", "container_init_t", "container_kvm_t");

    private static void inspect(Offenders offenders, String where, Object options, PolicyVersion version) {
        if (options == null) {
            return;
        }
        String type = Node.string(options, "type");
        boolean engine = version.atLeast(31) && "container_engine_t".equals(type);
        if (type != null && !TYPES.contains(type) && !engine) {
            offenders.add(where + " sets seLinuxOptions.type=" + type);
        }
        for (String field : List.of("user", "role")) {
            String value = Node.string(options, field);
            if (value != null && !value.isEmpty()) {
                offenders.add(where + " sets seLinuxOptions." + field + "=" + value);
            }
        }
    }

    @Override
    public String id() {
        return "seLinuxOptions";
    }

    @Override
    public Level level() {
        return Level.BASELINE;
    }

    @Override
    public int since() {
        return 0;
    }

    @Override
    public List<Violation> check(PolicyVersion version, PodInput pod) {
        Offenders offenders = new Offenders(this);
        inspect(offenders, "pod", pod.podSecurityContext("seLinuxOptions"), version);
        for (Container c : pod.containers()) {
            inspect(offenders, c.describe(), c.securityContext("seLinuxOptions"), version);
        }
        return offenders.result();
    }
}
