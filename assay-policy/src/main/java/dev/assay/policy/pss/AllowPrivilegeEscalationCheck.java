package dev.assay.policy.pss;

import dev.assay.policy.Violation;
import java.util.List;

/** Every container must set allowPrivilegeEscalation=false (not required for Windows pods from v1.25). */
public final class AllowPrivilegeEscalationCheck implements PodSecurityCheck {
    @Override
    public String id() {
        return "allowPrivilegeEscalation";
    }

    @Override
    public Level level() {
        return Level.RESTRICTED;
    }

    @Override
    public int since() {
        return 8;
    }

    @Override
    public List<Violation> check(PolicyVersion version, PodInput pod) {
        Offenders offenders = new Offenders(this);
        if (WindowsExemption.applies(version, pod)) {
            return List.of();
        }
        for (Container c : pod.containers()) {
            if (!Node.isFalse(c.securityContext("allowPrivilegeEscalation"))) {
                offenders.add(c.describe() + " must set securityContext.allowPrivilegeEscalation=false");
            }
        }
        return offenders.result();
    }
}
