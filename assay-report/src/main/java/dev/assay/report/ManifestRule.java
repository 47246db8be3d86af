package dev.assay.report;

import dev.assay.model.Severity;
import java.util.Objects;

/**
 * A rule that findings of a manifest scan refer to, with what reports say about it.
 *
 * @param policy the policy's name
 * @param rule the rule id inside the policy
 * @param severity the rule's severity
 * @param title one line saying what the rule finds
 * @param remediation what to change; may be empty
 * @param helpUri an absolute http(s) page about the rule; may be empty
 */
public record ManifestRule(
        String policy, String rule, Severity severity, String title, String remediation, String helpUri) {
    public ManifestRule {
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(title, "title");
        remediation = remediation == null ? "" : remediation;
        helpUri = helpUri == null ? "" : helpUri;
    }

    public String id() {
        return policy + "/" + rule;
    }
}
