package dev.assay.policy.pss;

import java.util.Optional;
import java.util.Set;

/**
 * Restricted pods keep the default /proc mount even inside a user namespace: from v1.35, when baseline's
 * {@code procMount} relaxes, this check replaces it in restricted namespaces with the unconditional rule.
 */
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
        return ProcMountCheck.USER_NAMESPACE_RELAXATION;
    }

    @Override
    public Set<String> overrides() {
        return Set.of(ProcMountCheck.ID);
    }

    @Override
    public Optional<PodSecurityViolation> evaluate(PolicyVersion version, PodInput pod) {
        return ProcMountCheck.unconditional(this, pod);
    }
}
