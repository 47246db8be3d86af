package dev.assay.policy.cel;

import dev.cel.common.ast.CelExpr;
import dev.cel.runtime.CelEvaluationListener;
import java.util.Collection;
import java.util.Map;

/**
 * Counts what one policy's expressions do on one request and stops them past {@link CelLimits}: steps per
 * expression and per policy, and the size of every value an expression produces (the check that stops a
 * string doubled fifty times long before it exhausts the heap). The runtime calls it after every node it
 * evaluates; it is used by one thread at a time, one request at a time.
 */
final class EvaluationBudget {
    private final CelLimits limits;
    private long policySteps;

    EvaluationBudget(CelLimits limits) {
        this.limits = limits;
    }

    /** A listener for one evaluation of one expression, drawing on this policy-wide budget. */
    CelEvaluationListener forExpression() {
        return new CelEvaluationListener() {
            private long steps;

            @Override
            public void callback(CelExpr expr, Object result) {
                if (++steps > limits.maxSteps()) {
                    throw new BudgetExceededException(
                            "the expression exceeded its budget of " + limits.maxSteps() + " evaluation steps");
                }
                if (++policySteps > limits.maxStepsPerPolicy()) {
                    throw new BudgetExceededException("the policy's expressions exceeded their budget of "
                            + limits.maxStepsPerPolicy() + " evaluation steps for one request");
                }
                checkSize(result);
            }
        };
    }

    private void checkSize(Object result) {
        if (result instanceof String text) {
            if (text.length() > limits.maxStringLength()) {
                throw new BudgetExceededException("the expression produced a string of " + text.length()
                        + " characters, more than the limit of " + limits.maxStringLength());
            }
        } else if (result instanceof Collection<?> collection) {
            if (collection.size() > limits.maxCollectionSize()) {
                throw new BudgetExceededException("the expression produced a list of " + collection.size()
                        + " elements, more than the limit of " + limits.maxCollectionSize());
            }
        } else if (result instanceof Map<?, ?> map && map.size() > limits.maxCollectionSize()) {
            throw new BudgetExceededException("the expression produced a map of " + map.size()
                    + " entries, more than the limit of " + limits.maxCollectionSize());
        }
    }

    /** Thrown from inside the runtime; the runtime wraps it and {@link CelExpression} unwraps it. */
    static final class BudgetExceededException extends RuntimeException {
        BudgetExceededException(String message) {
            super(message, null, false, false);
        }
    }
}
