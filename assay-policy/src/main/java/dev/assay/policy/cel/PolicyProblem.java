package dev.assay.policy.cel;

import java.util.Objects;

/**
 * One thing wrong with a policy document, located as precisely as the document allows.
 *
 * @param source the file or name the policy came from
 * @param line 1-based line in the source, 0 when unknown
 * @param column 1-based column in the source, 0 when unknown
 * @param field the field's path in the document ({@code spec.validations[0].expression}), or {@code ""}
 * @param message what is wrong
 * @param expressionLine for a CEL compile error, the 1-based line inside the expression, else 0
 * @param expressionColumn for a CEL compile error, the 1-based column inside the expression, else 0
 */
public record PolicyProblem(
        String source, int line, int column, String field, String message, int expressionLine, int expressionColumn) {
    public PolicyProblem {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(message, "message");
    }

    public static PolicyProblem at(String source, int line, int column, String field, String message) {
        return new PolicyProblem(source, line, column, field, message, 0, 0);
    }

    /** {@code policy.yaml:12:19: spec.validations[0].expression: undeclared reference to 'objekt' (expression column 1)}. */
    public String describe() {
        StringBuilder text = new StringBuilder(source);
        if (line > 0) {
            text.append(':').append(line);
            if (column > 0) {
                text.append(':').append(column);
            }
        }
        text.append(": ");
        if (!field.isEmpty()) {
            text.append(field).append(": ");
        }
        text.append(message);
        if (expressionColumn > 0) {
            text.append(" (expression ");
            if (expressionLine > 1) {
                text.append("line ").append(expressionLine).append(", ");
            }
            text.append("column ").append(expressionColumn).append(')');
        }
        return text.toString();
    }
}
