package dev.assay.policy.pss;

import dev.assay.policy.Violation;
import java.util.List;

/** Containers must drop ALL capabilities and may add back only NET_BIND_SERVICE. */
public final class CapabilitiesRestrictedCheck implements PodSecurityCheck {
    @Override
    public String id() {
        return "capabilities_restricted";
    }

    @Override
    public Level level() {
        return Level.RESTRICTED;
    }

    @Override
    public int since() {
        return 22;
    }

    @Override
    public List<Violation> check(PolicyVersion version, PodInput pod) {
        Offenders offenders = new Offenders(this);
        if (WindowsExemption.applies(version, pod)) {
            return List.of();
        }
        for (Container c : pod.containers()) {
            List<?> drop = Node.list(c.securityContext("capabilities", "drop"));
            if (drop.stream().noneMatch(cap -> "ALL".equals(String.valueOf(cap)))) {
                offenders.add(c.describe() + " must drop ALL capabilities");
            }
            for (Object cap : Node.list(c.securityContext("capabilities", "add"))) {
                if (!"NET_BIND_SERVICE".equals(String.valueOf(cap))) {
                    offenders.add(c.describe() + " adds capability " + cap);
                }
            }
        }
        return offenders.result();
    }
}
