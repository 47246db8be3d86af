package dev.assay.vulndb.store;

import dev.assay.model.NoVerdictException;

/**
 * A file of the advisory database is damaged, truncated, of another format version or not an Assay
 * database file at all. No verdict can be given from it (exit code 3); it is never read as "no advisories".
 */
public class CorruptAdvisoryDatabaseException extends NoVerdictException {
    private static final long serialVersionUID = 1L;

    public CorruptAdvisoryDatabaseException(String message, String file) {
        this(message, file, null);
    }

    public CorruptAdvisoryDatabaseException(String message, String file, Throwable cause) {
        super(
                message,
                file,
                "rebuild it: delete the database directory and run assay db update or assay db import",
                cause);
    }
}
