package dev.assay.report;

import dev.assay.model.Severity;
import java.util.Comparator;
import java.util.Objects;

/**
 * One rule of one policy that a Kubernetes object breaks, as {@code assay scan k8s} reports it.
 *
 * @param policy the policy's name ({@code cluster-hardening}, {@code pod-security-restricted})
 * @param rule the rule id inside the policy
 * @param severity how bad it is, for {@code --fail-on}
 * @param enforcement what admission would do with it: {@code enforce}, {@code warn} or {@code audit}
 * @param message what is wrong, naming the offending field
 */
public record ManifestFinding(String policy, String rule, Severity severity, String enforcement, String message) {
    /** Worst first, then by policy, rule and message, so that output never depends on evaluation order. */
    public static final Comparator<ManifestFinding> ORDER = Comparator.comparing(ManifestFinding::severity)
            .thenComparing(ManifestFinding::policy)
            .thenComparing(ManifestFinding::rule)
            .thenComparing(ManifestFinding::message);

    public ManifestFinding {
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(enforcement, "enforcement");
        Objects.requireNonNull(message, "message");
    }

    /** {@code policy/rule}: unique across policies, the SARIF rule id. */
    public String ruleId() {
        return policy + "/" + rule;
    }
}
