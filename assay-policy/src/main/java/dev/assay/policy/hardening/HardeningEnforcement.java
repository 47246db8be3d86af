package dev.assay.policy.hardening;

import dev.assay.model.InvalidInputException;
import dev.assay.model.Severity;
import dev.assay.policy.admission.Enforcement;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What a hardening violation does to an admission request: rules at or above a severity are enforced
 * (denied), the others warn, and single rules can be set to any mode.
 *
 * <p>The default enforces CRITICAL and HIGH (a runtime socket, cluster-admin for a service account, wildcard
 * RBAC, Secrets in manifests) and warns for MEDIUM and LOW (no resource limits, token automount, no
 * default-deny policy): those are true of most workloads written without them in mind, and denying them by
 * default would block a cluster's ordinary deployments on the day the webhook is installed.
 *
 * @param enforceFrom the lowest severity that is enforced
 * @param overrides modes for single rule ids, winning over the severity
 */
public record HardeningEnforcement(Severity enforceFrom, Map<String, Enforcement> overrides) {
    public static final HardeningEnforcement DEFAULT = new HardeningEnforcement(Severity.HIGH, Map.of());

    public HardeningEnforcement {
        Objects.requireNonNull(enforceFrom, "enforceFrom");
        overrides = Map.copyOf(overrides);
        for (String rule : overrides.keySet()) {
            if (!HardeningChecks.ids().contains(rule)) {
                throw new InvalidInputException(
                        "unknown cluster-hardening rule '" + rule + "'; known: "
                                + String.join(", ", HardeningChecks.ids()),
                        rule);
            }
        }
    }

    public HardeningEnforcement withEnforcement(String rule, Enforcement mode) {
        Map<String, Enforcement> changed = new HashMap<>(overrides);
        changed.put(rule, mode);
        return new HardeningEnforcement(enforceFrom, changed);
    }

    public HardeningEnforcement enforcingFrom(Severity severity) {
        return new HardeningEnforcement(severity, overrides);
    }

    Enforcement of(HardeningRule rule) {
        Enforcement override = overrides.get(rule.id());
        if (override != null) {
            return override;
        }
        return rule.severity().atLeast(enforceFrom) ? Enforcement.ENFORCE : Enforcement.WARN;
    }
}
