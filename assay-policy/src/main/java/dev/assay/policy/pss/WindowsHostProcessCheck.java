package dev.assay.policy.pss;

import dev.assay.policy.Violation;
import java.util.List;

/** Windows HostProcess containers run with host privileges. */
public final class WindowsHostProcessCheck implements PodSecurityCheck {
    @Override
    public String id() {
        return "windowsHostProcess";
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
        if (Node.isTrue(pod.podSecurityContext("windowsOptions", "hostProcess"))) {
            offenders.add("pod sets securityContext.windowsOptions.hostProcess=true");
        }
        for (Container c : pod.containers()) {
            if (Node.isTrue(c.securityContext("windowsOptions", "hostProcess"))) {
                offenders.add(c.describe() + " sets securityContext.windowsOptions.hostProcess=true");
            }
        }
        return offenders.result();
    }
}
