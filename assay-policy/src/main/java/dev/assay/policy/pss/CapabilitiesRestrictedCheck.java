package dev.assay.policy.pss;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Containers must drop ALL capabilities and may add back only NET_BIND_SERVICE. Replaces
 * {@code capabilities_baseline} in restricted namespaces; Windows pods are exempt from v1.25.
 */
public final class CapabilitiesRestrictedCheck implements PodSecurityCheck {
    @Override
    public String id() {
        return "capabilities_restricted";
    }

    @Override
    public Level level() {
        return Level.RESTRICTED;
    }

    @Override
    public int since() {
        return 22;
    }

    @Override
    public Set<String> overrides() {
        return Set.of(CapabilitiesBaselineCheck.ID);
    }

    @Override
    public Optional<PodSecurityViolation> evaluate(PolicyVersion version, PodInput pod) {
        if (WindowsExemption.applies(version, pod)) {
            return Optional.empty();
        }
        List<String> missingDropAll = new ArrayList<>();
        List<String> addingForbidden = new ArrayList<>();
        List<String> forbiddenCapabilities = new ArrayList<>();
        for (Container c : pod.containers()) {
            Map<?, ?> capabilities = Node.object(c.securityContext("capabilities"));
            if (capabilities == null) {
                missingDropAll.add(c.name());
                continue;
            }
            if (!Node.strings(capabilities, "drop").contains("ALL")) {
                missingDropAll.add(c.name());
            }
            List<String> forbidden = Node.strings(capabilities, "add").stream()
                    .filter(cap -> !"NET_BIND_SERVICE".equals(cap))
                    .toList();
            if (!forbidden.isEmpty()) {
                addingForbidden.add(c.name());
                forbiddenCapabilities.addAll(forbidden);
            }
        }
        List<String> details = new ArrayList<>();
        if (!missingDropAll.isEmpty()) {
            details.add(Wording.containers(missingDropAll) + " must set securityContext.capabilities.drop=[\"ALL\"]");
        }
        if (!addingForbidden.isEmpty()) {
            details.add(Wording.containers(addingForbidden) + " must not include "
                    + Wording.joinQuote(Wording.sorted(forbiddenCapabilities))
                    + " in securityContext.capabilities.add");
        }
        return details.isEmpty()
                ? Optional.empty()
                : forbidden("unrestricted capabilities", String.join("; ", details));
    }
}
