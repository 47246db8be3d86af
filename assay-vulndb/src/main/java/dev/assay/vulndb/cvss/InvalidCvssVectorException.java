package dev.assay.vulndb.cvss;

import dev.assay.model.InvalidInputException;

/** A CVSS vector string that does not follow its specification's grammar. */
public final class InvalidCvssVectorException extends InvalidInputException {
    /** Vectors are echoed into messages and logs; a hostile multi-megabyte one must not be. */
    private static final int MAX_ECHOED_CHARS = 120;

    private final Reason reason;

    InvalidCvssVectorException(Reason reason, String detail, String vector) {
        super(
                reason.description + ": " + detail,
                abbreviate(vector),
                "check the vector against the CVSS specification",
                null);
        this.reason = reason;
    }

    /** What is wrong with the vector, for callers and tests that need more than the message. */
    public Reason reason() {
        return reason;
    }

    static String abbreviate(String vector) {
        if (vector == null) {
            return "<null>";
        }
        if (vector.length() <= MAX_ECHOED_CHARS) {
            return vector;
        }
        return vector.substring(0, MAX_ECHOED_CHARS) + "... (" + vector.length() + " chars)";
    }

    /** The kinds of grammar violation, from the outside of the string inwards. */
    public enum Reason {
        EMPTY("empty CVSS vector"),
        TOO_LONG("CVSS vector too long"),
        ILLEGAL_CHARACTER("illegal character in CVSS vector"),
        WRONG_PREFIX("wrong or missing CVSS version prefix"),
        MALFORMED_METRIC("malformed metric (expected KEY:VALUE)"),
        UNKNOWN_METRIC("unknown metric"),
        UNKNOWN_VALUE("unknown metric value"),
        DUPLICATE_METRIC("metric given twice"),
        MISSING_METRIC("mandatory metric missing");

        private final String description;

        Reason(String description) {
            this.description = description;
        }
    }
}
