package dev.assay.policy.pss;

import dev.assay.policy.Violation;
import java.util.List;

/** Restricted pods keep the default /proc mount even inside a user namespace. */
public final class ProcMountRestrictedCheck implements PodSecurityCheck {
    @Override
    public String id() {
        return "procMount_restricted";
    }

    @Override
    public Level level() {
        return Level.RESTRICTED;
    }

    @Override
    public int since() {
        return 35;
    }

    @Override
    public List<Violation> check(PolicyVersion version, PodInput pod) {
        Offenders offenders = new Offenders(this);
        for (Container c : pod.containers()) {
            String procMount = Node.string(c.securityContext("procMount"));
            if (procMount != null && !"Default".equals(procMount)) {
                offenders.add(c.describe() + " sets procMount=" + procMount);
            }
        }
        return offenders.result();
    }
}
