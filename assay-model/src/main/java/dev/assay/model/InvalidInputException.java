package dev.assay.model;

/** Input Assay cannot use: unreadable, malformed, too large, of an unknown format. Exit code 2. */
public class InvalidInputException extends AssayException {
    private final String hint;

    public InvalidInputException(String message, String input) {
        this(message, input, "", null);
    }

    public InvalidInputException(String message, String input, Throwable cause) {
        this(message, input, "", cause);
    }

    public InvalidInputException(String message, String input, String hint, Throwable cause) {
        super(message, input, cause);
        this.hint = hint == null ? "" : hint;
    }

    @Override
    public String hint() {
        return hint;
    }

    @Override
    public Kind kind() {
        return Kind.INVALID_INPUT;
    }
}
