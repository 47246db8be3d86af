package dev.assay.policy.cel;

import dev.cel.common.types.CelType;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelRuntime;
import dev.cel.runtime.CelVariableResolver;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** One compiled expression: immutable, thread-safe, evaluated any number of times. */
public final class CelExpression {
    static final String VARIABLES_PREFIX = "variables.";

    private static final Pattern RUNTIME_POSITION =
            Pattern.compile("^evaluation error at [^:]*:(\\d+): (.*)$", Pattern.DOTALL);

    private final String text;
    private final CelRuntime.Program program;
    private final CelType resultType;

    CelExpression(String text, CelRuntime.Program program, CelType resultType) {
        this.text = text;
        this.program = program;
        this.resultType = resultType;
    }

    public String text() {
        return text;
    }

    CelType resultType() {
        return resultType;
    }

    /**
     * Evaluates against {@code variables}, charging {@code budget}.
     *
     * @throws EvaluationFailure with a one-line reason when the expression errs or runs out of budget
     */
    Object evaluate(CelVariableResolver variables, EvaluationBudget budget) throws EvaluationFailure {
        try {
            return program.trace(variables, budget.forExpression());
        } catch (CelEvaluationException e) {
            throw failure(e);
        } catch (EvaluationBudget.BudgetExceededException e) {
            throw new EvaluationFailure(e.getMessage());
        } catch (VariableFailure e) {
            throw new EvaluationFailure(e.getMessage());
        } catch (StackOverflowError e) {
            throw new EvaluationFailure("the expression recursed too deeply (a deeply nested object?)");
        }
    }

    private EvaluationFailure failure(CelEvaluationException exception) {
        for (Throwable cause = exception.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof EvaluationBudget.BudgetExceededException || cause instanceof VariableFailure) {
                return new EvaluationFailure(cause.getMessage());
            }
        }
        String message = exception.getMessage() == null ? "evaluation failed" : exception.getMessage();
        Matcher matcher = RUNTIME_POSITION.matcher(message);
        if (!matcher.matches()) {
            return new EvaluationFailure(stripPeriod(message));
        }
        String reason = stripPeriod(matcher.group(2).strip());
        if (reason.startsWith("Function '")) {
            // "Function 'string_to_quantity' failed with arg(s) ..." names an overload id, not the problem:
            // the function's own exception says what is wrong with its argument.
            Throwable cause = exception.getCause();
            while (cause != null
                    && cause.getCause() != null
                    && cause.getMessage() != null
                    && cause.getMessage().startsWith("Function '")) {
                cause = cause.getCause();
            }
            if (cause != null
                    && cause.getMessage() != null
                    && !cause.getMessage().startsWith("Function '")) {
                reason = stripPeriod(cause.getMessage());
            }
        }
        if (reason.isEmpty()) {
            reason = exception.getCause() == null
                    ? "evaluation failed"
                    : exception.getCause().toString();
        }
        int offset = Integer.parseInt(matcher.group(1));
        return new EvaluationFailure(reason + " (at " + position(offset) + ")");
    }

    /** "column 12", or "line 2, column 5" in a multi-line expression. */
    private String position(int offset) {
        int bounded = Math.max(0, Math.min(offset, text.length()));
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < bounded; i++) {
            if (text.charAt(i) == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        int column = bounded - lineStart + 1;
        return line == 1 ? "column " + column : "line " + line + ", column " + column;
    }

    private static String stripPeriod(String message) {
        return message.endsWith(".") ? message.substring(0, message.length() - 1) : message;
    }

    @Override
    public String toString() {
        return text;
    }

    /** Why an evaluation produced no value; the message is one line for the user. */
    static final class EvaluationFailure extends Exception {
        EvaluationFailure(String message) {
            super(message, null, false, false);
        }
    }

    /** A variable failed while another expression read it; thrown through the runtime. */
    static final class VariableFailure extends RuntimeException {
        VariableFailure(String message) {
            super(message, null, false, false);
        }
    }
}
