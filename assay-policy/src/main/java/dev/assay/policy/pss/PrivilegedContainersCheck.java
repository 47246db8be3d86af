package dev.assay.policy.pss;

import java.util.List;
import java.util.Optional;

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
    public Optional<PodSecurityViolation> evaluate(PolicyVersion version, PodInput pod) {
        List<String> bad = pod.containers().stream()
                .filter(c -> Node.isTrue(c.securityContext("privileged")))
                .map(Container::name)
                .toList();
        if (bad.isEmpty()) {
            return Optional.empty();
        }
        return forbidden("privileged", Wording.containers(bad) + " must not set securityContext.privileged=true");
    }
}
