package dev.assay.policy.pss;

import dev.assay.policy.Violation;
import java.util.List;
import java.util.Set;

/** Seccomp must be RuntimeDefault or Localhost, at pod level or on every container. */
public final class SeccompRestrictedCheck implements PodSecurityCheck {
    private static final Set<String> ALLOWED = Set.of("RuntimeDefault", "Localhost");

    @Override
    public String id() {
        return "seccompProfile_restricted";
    }

    @Override
    public Level level() {
        return Level.RESTRICTED;
    }

    @Override
    public int since() {
        return 19;
    }

    @Override
    public List<Violation> check(PolicyVersion version, PodInput pod) {
        Offenders offenders = new Offenders(this);
        if (WindowsExemption.applies(version, pod)) {
            return List.of();
        }
        String podType = Node.string(pod.podSecurityContext("seccompProfile", "type"));
        boolean podSet = podType != null;
        if (podSet && !ALLOWED.contains(podType)) {
            offenders.add("pod sets seccompProfile.type=" + podType);
        }
        for (Container c : pod.containers()) {
            String type = Node.string(c.securityContext("seccompProfile", "type"));
            if (type != null && !ALLOWED.contains(type)) {
                offenders.add(c.describe() + " sets seccompProfile.type=" + type);
            } else if (type == null && !podSet) {
                offenders.add(c.describe() + " must set seccompProfile.type to RuntimeDefault or Localhost");
            }
        }
        return offenders.result();
    }
}
