package dev.assay.policy.pss;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Only the default container runtime capabilities may be added. Restricted replaces it from v1.22. */
public final class CapabilitiesBaselineCheck implements PodSecurityCheck {
    static final String ID = "capabilities_baseline";

    private static final Set<String> ALLOWED = Set.of(
            "AUDIT_WRITE",
            "CHOWN",
            "DAC_OVERRIDE",
            "FOWNER",
            "FSETID",
            "KILL",
            "MKNOD",
            "NET_BIND_SERVICE",
            "SETFCAP",
            "SETGID",
            "SETPCAP",
            "SETUID",
            "SYS_CHROOT");

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
        List<String> bad = new ArrayList<>();
        List<String> added = new ArrayList<>();
        for (Container c : pod.containers()) {
            List<String> forbidden = Node.strings(c.securityContext("capabilities"), "add").stream()
                    .filter(cap -> !ALLOWED.contains(cap))
                    .toList();
            if (!forbidden.isEmpty()) {
                bad.add(c.name());
                added.addAll(forbidden);
            }
        }
        if (bad.isEmpty()) {
            return Optional.empty();
        }
        return forbidden(
                "non-default capabilities",
                Wording.containers(bad) + " must not include " + Wording.joinQuote(Wording.sorted(added))
                        + " in securityContext.capabilities.add");
    }
}
