package dev.assay.vulndb.store;

import dev.assay.model.NoVerdictException;

/** Another import or update is writing to the same advisory database directory right now. */
public class AdvisoryDatabaseLockedException extends NoVerdictException {
    private static final long serialVersionUID = 1L;

    public AdvisoryDatabaseLockedException(String directory, Throwable cause) {
        super(
                "the advisory database at " + directory + " is being written by another process",
                directory,
                "wait for the other assay db import or update to finish, then run this one again",
                cause);
    }
}
