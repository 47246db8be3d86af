package dev.assay.policy.pss;

import java.util.Optional;
import java.util.Set;

/**
 * Seccomp must be RuntimeDefault or Localhost, at pod level or on every container. Replaces
 * {@code seccompProfile_baseline} in restricted namespaces; Windows pods are exempt from v1.25.
 */
public final class SeccompRestrictedCheck implements PodSecurityCheck {
    @Override
    public String id() {
        return "seccompProfile_restricted";
    }

    @Override
    public Level level() {
        return Level.RESTRICTED;
    }

    @Override
    public int since() {
        return SeccompBaselineCheck.FIELDS_SINCE;
    }

    @Override
    public Set<String> overrides() {
        return Set.of(SeccompBaselineCheck.ID);
    }

    @Override
    public Optional<PodSecurityViolation> evaluate(PolicyVersion version, PodInput pod) {
        if (WindowsExemption.applies(version, pod)) {
            return Optional.empty();
        }
        SeccompProfiles profiles = SeccompProfiles.of(pod);
        // An explicit bad value is reported alone; containers relying on a missing pod default come second.
        if (!profiles.badSetters.isEmpty()) {
            return forbidden("seccompProfile", profiles.forbiddenDetail());
        }
        if (!profiles.podValid && !profiles.unset.isEmpty()) {
            return forbidden(
                    "seccompProfile",
                    "pod or " + Wording.containers(profiles.unset)
                            + " must set securityContext.seccompProfile.type to \"RuntimeDefault\" or \"Localhost\"");
        }
        return Optional.empty();
    }
}
