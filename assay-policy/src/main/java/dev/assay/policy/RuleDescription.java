package dev.assay.policy;

import dev.assay.model.Severity;
import java.util.Objects;

/**
 * What a rule of a policy is about, for reports that explain their findings (SARIF rules, help texts):
 * the rule id as violations name it, its severity, a one-line title and what to do about it.
 *
 * @param policy the policy's name, as {@link dev.assay.policy.admission.PolicyViolation#policy()} gives it
 * @param rule the rule id, as {@link dev.assay.policy.admission.PolicyViolation#rule()} gives it
 * @param severity the severity of the rule's violations
 * @param title one line saying what the rule finds
 * @param remediation what to change in the manifest; may be empty
 * @param helpUri a page explaining the rule; may be empty
 */
public record RuleDescription(
        String policy, String rule, Severity severity, String title, String remediation, String helpUri) {
    public RuleDescription {
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(title, "title");
        remediation = remediation == null ? "" : remediation;
        helpUri = helpUri == null ? "" : helpUri;
    }
}
