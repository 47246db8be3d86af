package dev.assay.model;

/**
 * The one unchecked base of Assay's errors. Subclasses are named for what failed, carry the input they
 * failed on and decide the exit code class the CLI reports. A negative verdict (a vulnerability, a denied
 * policy) is a value, never one of these.
 */
public abstract class AssayException extends RuntimeException {
    private final String input;

    protected AssayException(String message, String input, Throwable cause) {
        super(message, cause);
        this.input = input;
    }

    /** The file, reference or value the failure is about; may be null when there is none. */
    public String input() {
        return input;
    }

    /** What the user should do about it, as one short sentence; empty when there is nothing to add. */
    public String hint() {
        return "";
    }

    public abstract Kind kind();

    /** The families of failure; each maps to one exit code. */
    public enum Kind {
        /** Bad flags or unreadable, malformed, unsupported input. */
        INVALID_INPUT,
        /** A verdict cannot be given: missing database, unreachable registry, missing trust root. */
        NO_VERDICT,
        /** A bug in Assay. */
        INTERNAL
    }
}
