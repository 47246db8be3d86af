package dev.assay.engine.admission;

import dev.assay.policy.admission.PolicyViolation;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * What one policy or mutator did to one request. Only those that applied to the request have an outcome,
 * so a request without outcomes was handled by no policy at all.
 *
 * @param policy the policy's or mutator's name
 * @param result the verdict, for logs and metrics
 * @param violations the rules broken, whatever their enforcement; empty for mutators and failures
 * @param reason why a policy failed (the no-verdict or error message); empty otherwise
 */
public record PolicyOutcome(String policy, Result result, List<PolicyViolation> violations, String reason) {
    public PolicyOutcome {
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(result, "result");
        violations = List.copyOf(violations);
        Objects.requireNonNull(reason, "reason");
    }

    /** The verdict of one policy, most severe first when a policy reports several enforcement modes. */
    public enum Result {
        /** No rule broken, or a mutator with nothing to change. */
        PASS,
        /** An enforced rule broken: the request is denied. */
        DENY,
        /** Only warn-mode rules broken: admitted with warnings. */
        WARN,
        /** Only audit-mode rules broken: admitted with audit annotations. */
        AUDIT,
        /** A mutator changed the object. */
        PATCH,
        /** No verdict and failurePolicy Fail: denied. */
        FAIL_CLOSED,
        /** No verdict and failurePolicy Ignore: admitted with a warning. */
        FAIL_OPEN,
        /** The object is malformed for this policy (a pod without a spec): denied. */
        INVALID;

        /** The label in logs and metrics: {@code pass}, {@code fail-closed}. */
        public String label() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }

        /** Whether this verdict applies the policy's failure policy. */
        public boolean failurePolicyApplied() {
            return this == FAIL_CLOSED || this == FAIL_OPEN;
        }
    }
}
