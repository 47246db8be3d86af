package dev.assay.policy.pss;

import dev.assay.policy.Violation;
import java.util.List;

/** No pod or container may run as uid 0. */
public final class RunAsUserCheck implements PodSecurityCheck {
    @Override
    public String id() {
        return "runAsUser";
    }

    @Override
    public Level level() {
        return Level.RESTRICTED;
    }

    @Override
    public int since() {
        return 23;
    }

    @Override
    public List<Violation> check(PolicyVersion version, PodInput pod) {
        Offenders offenders = new Offenders(this);
        // In a user namespace uid 0 is not root on the node; PSA relaxes this at every policy version.
        if (pod.hostUsersDisabled()) {
            return List.of();
        }
        if ("0".equals(Node.string(pod.podSecurityContext("runAsUser")))) {
            offenders.add("pod sets runAsUser=0");
        }
        for (Container c : pod.containers()) {
            if ("0".equals(Node.string(c.securityContext("runAsUser")))) {
                offenders.add(c.describe() + " sets runAsUser=0");
            }
        }
        return offenders.result();
    }
}
