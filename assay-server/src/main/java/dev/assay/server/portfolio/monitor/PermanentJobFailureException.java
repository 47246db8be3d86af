package dev.assay.server.portfolio.monitor;

/** Thrown by a {@link JobHandler}: retrying cannot help (bad payload, refused by the target); the job is dead. */
public class PermanentJobFailureException extends Exception {
    private static final long serialVersionUID = 1L;

    public PermanentJobFailureException(String message) {
        super(message);
    }

    public PermanentJobFailureException(String message, Throwable cause) {
        super(message, cause);
    }
}
