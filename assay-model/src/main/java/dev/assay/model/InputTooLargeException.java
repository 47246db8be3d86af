package dev.assay.model;

/** Input that exceeds one of Assay's bounds (file size, expanded archive size, nesting depth). */
public class InputTooLargeException extends InvalidInputException {
    public InputTooLargeException(String message, String input) {
        super(message, input, "raise the limit only for input you trust", null);
    }
}
