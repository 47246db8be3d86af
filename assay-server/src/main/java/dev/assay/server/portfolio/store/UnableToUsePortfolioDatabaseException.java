package dev.assay.server.portfolio.store;

import dev.assay.model.NoVerdictException;

/**
 * The portfolio database could not be opened, migrated or written. Nothing was stored: every write runs
 * in one transaction, so the caller may simply retry.
 */
public class UnableToUsePortfolioDatabaseException extends NoVerdictException {
    public UnableToUsePortfolioDatabaseException(String message, String input, Throwable cause) {
        super(message, input, "check that the database is reachable and has space, then retry", cause);
    }
}
