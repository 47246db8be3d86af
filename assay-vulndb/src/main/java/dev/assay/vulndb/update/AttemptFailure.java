package dev.assay.vulndb.update;

import dev.assay.vulndb.update.EcosystemDownload.FailureKind;
import java.time.Duration;
import java.util.Optional;

/** Why one HTTP attempt for an ecosystem ended without a result, and whether another attempt may help. */
final class AttemptFailure extends Exception {
    private static final long serialVersionUID = 1L;

    private final FailureKind kind;
    private final boolean retryable;
    private final transient Duration retryAfter;

    private AttemptFailure(FailureKind kind, boolean retryable, Duration retryAfter, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
        this.retryable = retryable;
        this.retryAfter = retryAfter;
    }

    static AttemptFailure retryable(FailureKind kind, String message, Throwable cause) {
        return new AttemptFailure(kind, true, null, message, cause);
    }

    static AttemptFailure retryableAfter(FailureKind kind, String message, Duration retryAfter) {
        return new AttemptFailure(kind, true, retryAfter, message, null);
    }

    static AttemptFailure permanent(FailureKind kind, String message) {
        return new AttemptFailure(kind, false, null, message, null);
    }

    FailureKind kind() {
        return kind;
    }

    boolean isRetryable() {
        return retryable;
    }

    /** The delay the server asked for, if it did. */
    Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
