package dev.assay.policy.admission;

import dev.assay.model.Severity;
import java.util.Objects;

/**
 * One rule of one policy that the reviewed object breaks.
 *
 * @param policy the policy's name ({@code pod-security-restricted}, a user policy's metadata.name)
 * @param rule the rule or check inside the policy ({@code allowPrivilegeEscalation}, a validation's name)
 * @param enforcement what the violation does to the request
 * @param severity how bad it is, for reports and {@code --fail-on}
 * @param message the message shown to the user, naming the offending fields
 */
public record PolicyViolation(String policy, String rule, Enforcement enforcement, Severity severity, String message) {
    public PolicyViolation {
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(enforcement, "enforcement");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(message, "message");
    }
}
