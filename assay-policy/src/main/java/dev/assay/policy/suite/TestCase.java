package dev.assay.policy.suite;

import dev.assay.policy.cel.RuleResult.Outcome;
import java.util.Objects;

/**
 * One checked expectation: one rule of one policy on one resource.
 *
 * @param test the test's name
 * @param policy the policy's name
 * @param rule the validation's name
 * @param resource the resource as reported ({@code pods.yaml#1 Pod default/web})
 * @param expected the result the test file expects
 * @param actual the result the engine gave
 * @param message the engine's message for a fail, skip or error; {@code ""} for a pass
 */
public record TestCase(
        String test, String policy, String rule, String resource, Outcome expected, Outcome actual, String message) {
    public TestCase {
        Objects.requireNonNull(test, "test");
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(resource, "resource");
        Objects.requireNonNull(expected, "expected");
        Objects.requireNonNull(actual, "actual");
        Objects.requireNonNull(message, "message");
    }

    public boolean passed() {
        return expected == actual;
    }
}
