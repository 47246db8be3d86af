package dev.assay.model;

/** A file that is present but cannot be parsed as what its name says it is. */
public class UnableToParseException extends InvalidInputException {
    public UnableToParseException(String message, String input) {
        super(message, input);
    }

    public UnableToParseException(String message, String input, Throwable cause) {
        super(message, input, cause);
    }
}
