package dev.assay.policy.pss;

import dev.assay.policy.Violation;
import java.util.List;
import java.util.Set;

/** Only the default container runtime capabilities may be added. */
public final class CapabilitiesBaselineCheck implements PodSecurityCheck {
    private static final Set<String> ALLOWED = Set.of(
            "AUDIT_WRITE",
            "CHOWN",
            "DAC_OVERRIDE",
            "FOWNER",
            "FSETID",
            "KILL",
            "MKNOD",
            "NET_BIND_SERVICE",
            "SETFCAP",
            "SETGID",
            "SETPCAP",
            "SETUID",
            "SYS_CHROOT");

    @Override
    public String id() {
        return "capabilities_baseline";
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
        for (Container c : pod.containers()) {
            for (Object cap : Node.list(c.securityContext("capabilities", "add"))) {
                if (!ALLOWED.contains(String.valueOf(cap))) {
                    offenders.add(c.describe() + " adds capability " + cap);
                }
            }
        }
        return offenders.result();
    }
}
