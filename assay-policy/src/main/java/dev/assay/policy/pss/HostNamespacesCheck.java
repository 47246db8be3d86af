package dev.assay.policy.pss;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

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
    public Optional<PodSecurityViolation> evaluate(PolicyVersion version, PodInput pod) {
        List<String> shared = new ArrayList<>();
        // PSA's order, not alphabetical.
        for (String field : List.of("hostNetwork", "hostPID", "hostIPC")) {
            if (Node.isTrue(pod.spec(), field)) {
                shared.add(field + "=true");
            }
        }
        return shared.isEmpty() ? Optional.empty() : forbidden("host namespaces", String.join(", ", shared));
    }
}
