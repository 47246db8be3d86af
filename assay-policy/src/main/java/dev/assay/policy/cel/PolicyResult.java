package dev.assay.policy.cel;

import dev.assay.policy.admission.Enforcement;
import dev.assay.policy.admission.FailurePolicy;
import java.util.List;
import java.util.Objects;

/**
 * What one policy said about one object: one result per validation, in the policy's order.
 *
 * @param policy the policy's name
 * @param failurePolicy what the policy's errors mean for the request
 * @param rules one result per validation
 */
public record PolicyResult(String policy, FailurePolicy failurePolicy, List<RuleResult> rules) {
    public PolicyResult {
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(failurePolicy, "failurePolicy");
        rules = List.copyOf(rules);
    }

    /** Whether the policy did not apply to the object at all. */
    public boolean skipped() {
        return rules.stream().allMatch(rule -> rule.outcome() == RuleResult.Outcome.SKIP);
    }

    /**
     * Whether the admission webhook would deny the object: an enforced validation failed, or one could not
     * be evaluated under {@link FailurePolicy#FAIL}.
     */
    public boolean denies() {
        return rules.stream().anyMatch(rule -> rule.enforcement() == Enforcement.ENFORCE && counts(rule));
    }

    /** Whether the webhook would admit the object with a warning from this policy. */
    public boolean warns() {
        return rules.stream().anyMatch(rule -> rule.enforcement() == Enforcement.WARN && counts(rule))
                || (failurePolicy == FailurePolicy.IGNORE
                        && rules.stream().anyMatch(rule -> rule.outcome() == RuleResult.Outcome.ERROR));
    }

    private boolean counts(RuleResult rule) {
        return rule.outcome() == RuleResult.Outcome.FAIL
                || (rule.outcome() == RuleResult.Outcome.ERROR && failurePolicy == FailurePolicy.FAIL);
    }
}
