package dev.assay.policy.pss;

import dev.assay.policy.Violation;
import java.util.List;

/** Sharing the host network, PID or IPC namespace breaks pod isolation. */
public final class HostNamespacesCheck implements PodSecurityCheck {
    @Override
    public String id() {
        return "hostNamespaces";
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
        for (String field : List.of("hostNetwork", "hostPID", "hostIPC")) {
            if (Node.isTrue(pod.spec(), field)) {
                offenders.add(field + "=true");
            }
        }
        return offenders.result();
    }
}
