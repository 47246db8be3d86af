package dev.assay.server.portfolio.monitor;

import java.time.Duration;

/** Thrown by a {@link JobHandler}: the attempt failed transiently; try again after {@link #delay()}. */
public class RetryLaterException extends Exception {
    private static final long serialVersionUID = 1L;

    private final transient Duration delay;

    public RetryLaterException(String message, Duration delay) {
        super(message);
        this.delay = delay.isNegative() ? Duration.ZERO : delay;
    }

    public Duration delay() {
        return delay;
    }
}
