package dev.assay.policy.pss;

import dev.assay.policy.Violation;
import java.util.List;

/**
 * One pod-security-admission check. {@link #id()} is the PSA check name; the check applies from
 * {@link #since()} onward and may change its rule at later versions, which is why it receives the version.
 */
public interface PodSecurityCheck {
    String id();

    Level level();

    /** The first policy version (minor of v1.N) this check applies to. */
    default int since() {
        return 0;
    }

    List<Violation> check(PolicyVersion version, PodInput pod);

    default boolean appliesTo(Level requested, PolicyVersion version) {
        return (level() == Level.BASELINE || requested == Level.RESTRICTED) && version.atLeast(since());
    }

    default Violation violation(String message) {
        return new Violation(id(), message);
    }
}
