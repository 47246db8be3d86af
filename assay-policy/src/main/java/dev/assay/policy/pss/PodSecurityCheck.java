package dev.assay.policy.pss;

import dev.assay.policy.Violation;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * One pod-security-admission check. {@link #id()} is the PSA check id; the check applies from
 * {@link #since()} onward and may change its rule at later versions, which is why it receives the version.
 * Like PSA's {@code CheckPodFn}, a check reports at most one result, worded as PSA words it.
 */
public interface PodSecurityCheck {
    String id();

    Level level();

    /** The first policy version (minor of v1.N) this check applies to. */
    default int since() {
        return 0;
    }

    /**
     * The baseline checks this restricted check replaces wherever it applies (PSA's
     * {@code OverrideCheckIDs}): restricted namespaces run the stricter check instead, so each problem is
     * reported once, under the restricted check's id.
     */
    default Set<String> overrides() {
        return Set.of();
    }

    /** PSA's verdict for this pod at this version: empty when allowed. */
    Optional<PodSecurityViolation> evaluate(PolicyVersion version, PodInput pod);

    /** {@link #evaluate} as generic policy violations, each message {@code reason (detail)}. */
    default List<Violation> check(PolicyVersion version, PodInput pod) {
        return evaluate(version, pod).map(PodSecurityViolation::toViolation).stream()
                .toList();
    }

    default boolean appliesTo(Level requested, PolicyVersion version) {
        return (level() == Level.BASELINE || requested == Level.RESTRICTED) && version.atLeast(since());
    }

    default Optional<PodSecurityViolation> forbidden(String reason, String detail) {
        return Optional.of(new PodSecurityViolation(id(), reason, detail));
    }
}
