package dev.assay.policy.pss;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A non-default /proc mount unmasks kernel interfaces. From v1.35 baseline allows it inside a user
 * namespace ({@code hostUsers: false}); restricted keeps forbidding it through {@link ProcMountRestrictedCheck}.
 */
public final class ProcMountCheck implements PodSecurityCheck {
    static final String ID = "procMount";
    static final int USER_NAMESPACE_RELAXATION = 35;

    /** PSA's {@code procMount_1_0}, which the restricted check reuses word for word. */
    static Optional<PodSecurityViolation> unconditional(PodSecurityCheck check, PodInput pod) {
        List<String> bad = new ArrayList<>();
        List<String> types = new ArrayList<>();
        for (Container c : pod.containers()) {
            String procMount = Node.string(c.securityContext("procMount"));
            if (procMount != null && !"Default".equals(procMount)) {
                bad.add(c.name());
                types.add(procMount);
            }
        }
        if (bad.isEmpty()) {
            return Optional.empty();
        }
        return check.forbidden(
                "procMount",
                Wording.containers(bad) + " must not set securityContext.procMount to "
                        + Wording.joinQuote(Wording.sorted(types)));
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Level level() {
        return Level.BASELINE;
    }

    @Override
    public Optional<PodSecurityViolation> evaluate(PolicyVersion version, PodInput pod) {
        if (version.atLeast(USER_NAMESPACE_RELAXATION) && pod.hostUsersDisabled()) {
            return Optional.empty();
        }
        return unconditional(this, pod);
    }
}
