package dev.assay.policy.cel;

/**
 * Where an expression sits in its document, so that a compile error inside it can be reported at the
 * file's line and column. The document reader knows the quoting and indentation; the compiler knows only
 * the position inside the expression.
 */
@FunctionalInterface
public interface ExpressionLocation {
    /**
     * The problem at 1-based {@code line} and {@code column} inside the expression text (0 when the
     * problem concerns the whole expression).
     */
    PolicyProblem problem(String message, int line, int column);

    /** For expressions built in code: only a name for the source and the field. */
    static ExpressionLocation of(String source, String field) {
        return (message, line, column) -> new PolicyProblem(source, 0, 0, field, message, line, column);
    }
}
