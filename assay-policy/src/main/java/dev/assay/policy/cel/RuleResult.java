package dev.assay.policy.cel;

import dev.assay.model.Severity;
import dev.assay.policy.admission.Enforcement;
import java.util.Locale;
import java.util.Objects;

/**
 * What one validation of one policy said about one object.
 *
 * @param policy the policy's name
 * @param rule the validation's name
 * @param outcome pass, fail, skip or error
 * @param enforcement the policy's mode: what a failure does to the request
 * @param severity the validation's severity
 * @param message for a failure the validation's message; for a skip why; for an error what went wrong;
 *     {@code ""} for a pass
 */
public record RuleResult(
        String policy, String rule, Outcome outcome, Enforcement enforcement, Severity severity, String message) {
    public RuleResult {
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(enforcement, "enforcement");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(message, "message");
    }

    public enum Outcome {
        /** The expression was true. */
        PASS,
        /** The expression was false: the object breaks the rule. */
        FAIL,
        /** The policy does not apply (no match, a false match condition, an exception). */
        SKIP,
        /** The expression could not be evaluated; the policy's failure policy decides what that means. */
        ERROR;

        /** As test files and reports spell it: {@code pass}, {@code fail}, {@code skip}, {@code error}. */
        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Outcome parse(String label) {
            for (Outcome outcome : values()) {
                if (outcome.label().equals(label)) {
                    return outcome;
                }
            }
            throw new IllegalArgumentException("unknown result '" + label + "': expected pass, fail, skip or error");
        }
    }
}
