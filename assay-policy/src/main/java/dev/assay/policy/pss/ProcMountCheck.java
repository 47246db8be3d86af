package dev.assay.policy.pss;

import dev.assay.policy.Violation;
import java.util.List;

/** A non-default /proc mount unmasks kernel interfaces; later versions allow it inside a user namespace. */
public final class ProcMountCheck implements PodSecurityCheck {
    static final int USER_NAMESPACE_RELAXATION = 35;

    @Override
    public String id() {
        return "procMount";
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
        if (version.atLeast(USER_NAMESPACE_RELAXATION) && pod.hostUsersDisabled()) {
            return List.of();
        }
        for (Container c : pod.containers()) {
            String procMount = Node.string(c.securityContext("procMount"));
            if (procMount != null && !"Default".equals(procMount)) {
                offenders.add(c.describe() + " sets procMount=" + procMount);
            }
        }
        return offenders.result();
    }
}
