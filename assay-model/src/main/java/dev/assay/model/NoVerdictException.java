package dev.assay.model;

/**
 * Assay cannot decide: the registry is unreachable, the advisory database is missing or stale, a trust
 * root is unavailable. Exit code 3; never reported as a clean result.
 */
public class NoVerdictException extends AssayException {
    private final String hint;

    public NoVerdictException(String message, String input, String hint, Throwable cause) {
        super(message, input, cause);
        this.hint = hint == null ? "" : hint;
    }

    @Override
    public String hint() {
        return hint;
    }

    @Override
    public Kind kind() {
        return Kind.NO_VERDICT;
    }
}
