package dev.assay.policy.cel;

import dev.assay.model.InvalidInputException;
import java.util.List;

/** A policy document that cannot be used: malformed, with an unknown field, or with a CEL compile error. */
public class InvalidPolicyException extends InvalidInputException {
    private final List<PolicyProblem> problems;

    public InvalidPolicyException(List<PolicyProblem> problems) {
        super(summary(problems), problems.isEmpty() ? null : problems.get(0).source());
        this.problems = List.copyOf(problems);
    }

    /** Every problem found, in document order; never empty. */
    public List<PolicyProblem> problems() {
        return problems;
    }

    private static String summary(List<PolicyProblem> problems) {
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("an invalid policy has at least one problem");
        }
        String first = problems.get(0).describe();
        return problems.size() == 1 ? first : first + " (and " + (problems.size() - 1) + " more problems)";
    }
}
