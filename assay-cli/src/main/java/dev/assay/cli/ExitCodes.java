package dev.assay.cli;

import dev.assay.model.AssayException;

/** The exit codes Assay promises; scripts and CI gates depend on them. */
public final class ExitCodes {
    /** Completed; nothing at or above the threshold; verification passed. */
    public static final int OK = 0;

    /** Completed; findings at or above --fail-on, policy denied, or signature rejected. */
    public static final int GATE_TRIPPED = 1;

    /** Usage or input error: bad flags, unreadable or malformed input, unknown format. */
    public static final int INVALID_INPUT = 2;

    /** No verdict possible: database missing or stale, trust root unavailable, registry unreachable. */
    public static final int NO_VERDICT = 3;

    /** Internal error: a bug in Assay. */
    public static final int INTERNAL_ERROR = 70;

    static final String HELP_SECTION = "  0   completed; nothing at or above the threshold%n"
            + "  1   findings at or above --fail-on, policy denied or signature rejected%n"
            + "  2   usage or input error (bad flags, unreadable or malformed input)%n"
            + "  3   no verdict possible (database missing or stale, registry unreachable)%n"
            + "  70  internal error (please report it)%n";

    private ExitCodes() {}

    static int of(AssayException exception) {
        return switch (exception.kind()) {
            case INVALID_INPUT -> INVALID_INPUT;
            case NO_VERDICT -> NO_VERDICT;
            case INTERNAL -> INTERNAL_ERROR;
        };
    }
}
