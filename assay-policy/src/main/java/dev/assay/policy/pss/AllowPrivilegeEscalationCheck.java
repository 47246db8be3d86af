package dev.assay.policy.pss;

import java.util.List;
import java.util.Optional;

/** Every container must set allowPrivilegeEscalation=false (not required for Windows pods from v1.25). */
public final class AllowPrivilegeEscalationCheck implements PodSecurityCheck {
    @Override
    public String id() {
        return "allowPrivilegeEscalation";
    }

    @Override
    public Level level() {
        return Level.RESTRICTED;
    }

    @Override
    public int since() {
        return 8;
    }

    @Override
    public Optional<PodSecurityViolation> evaluate(PolicyVersion version, PodInput pod) {
        if (WindowsExemption.applies(version, pod)) {
            return Optional.empty();
        }
        List<String> bad = pod.containers().stream()
                .filter(c -> !Node.isFalse(c.securityContext("allowPrivilegeEscalation")))
                .map(Container::name)
                .toList();
        if (bad.isEmpty()) {
            return Optional.empty();
        }
        return forbidden(
                "allowPrivilegeEscalation != false",
                Wording.containers(bad) + " must set securityContext.allowPrivilegeEscalation=false");
    }
}
