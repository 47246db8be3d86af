package dev.assay.policy.pss;

import dev.assay.policy.Violation;
import java.util.List;

/** Containers must run as non-root: set at pod level or on every container, and never set to false. */
public final class RunAsNonRootCheck implements PodSecurityCheck {
    @Override
    public String id() {
        return "runAsNonRoot";
    }

    @Override
    public Level level() {
        return Level.RESTRICTED;
    }

    @Override
    public int since() {
        return 0;
    }

    @Override
    public List<Violation> check(PolicyVersion version, PodInput pod) {
        Offenders offenders = new Offenders(this);
        // In a user namespace uid 0 is not root on the node; PSA relaxes this at every policy version.
        if (pod.hostUsersDisabled()) {
            return List.of();
        }
        boolean podLevel = Node.isTrue(pod.podSecurityContext("runAsNonRoot"));
        if (Node.isFalse(pod.podSecurityContext("runAsNonRoot"))) {
            offenders.add("pod sets runAsNonRoot=false");
        }
        for (Container c : pod.containers()) {
            Object value = c.securityContext("runAsNonRoot");
            if (Node.isFalse(value)) {
                offenders.add(c.describe() + " sets runAsNonRoot=false");
            } else if (!podLevel && !Node.isTrue(value)) {
                offenders.add(c.describe() + " must set runAsNonRoot=true");
            }
        }
        return offenders.result();
    }
}
