package dev.assay.version;

import dev.assay.model.InvalidInputException;

/** A string that is not a version of the scheme asked to order it. */
public class InvalidVersionException extends InvalidInputException {
    public InvalidVersionException(String scheme, String version) {
        super("not a " + scheme + " version: '" + version + "'", version);
    }
}
