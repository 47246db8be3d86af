package dev.assay.policy.pss;

import dev.assay.policy.Violation;
import java.util.List;

/** Privileged containers get full host access. */
public final class PrivilegedContainersCheck implements PodSecurityCheck {
    @Override
    public String id() {
        return "privileged";
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
            if (Node.isTrue(c.securityContext("privileged"))) {
                offenders.add(c.describe() + " must not set securityContext.privileged=true");
            }
        }
        return offenders.result();
    }
}
