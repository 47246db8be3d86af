package dev.assay.vulndb.osv;

import dev.assay.model.UnableToParseException;

/**
 * A document that is meant to be an OSV record but cannot become an advisory (no {@code id}, a top level
 * of the wrong shape). An import counts it as an error of that one record and goes on.
 */
public class InvalidOsvRecordException extends UnableToParseException {
    private static final long serialVersionUID = 1L;

    public InvalidOsvRecordException(String message, String location) {
        super(message, location);
    }
}
