package dev.assay.model;

/** A package URL that does not follow the purl specification. */
public class InvalidPurlException extends InvalidInputException {
    public InvalidPurlException(String purl, Throwable cause) {
        super("not a valid package URL: " + purl + " (" + cause.getMessage() + ")", purl, cause);
    }
}
