package dev.assay.server.portfolio.monitor;

import dev.assay.model.InvalidInputException;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Work to enqueue.
 *
 * @param payload JSON text the handler reads
 * @param runAfter not claimed before this instant
 * @param dedupeKey when present, a second enqueue with the same key (from any instance, at any time) is
 *     a no-op
 * @param maxAttempts claims before the job is dead
 */
public record JobRequest(String kind, String payload, Instant runAfter, Optional<String> dedupeKey, int maxAttempts) {
    public static final int DEFAULT_MAX_ATTEMPTS = 5;
    static final int MAX_KIND = 64;
    static final int MAX_DEDUPE_KEY = 512;
    static final int MAX_PAYLOAD = 1_000_000;

    public JobRequest {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(payload, "payload");
        Objects.requireNonNull(runAfter, "runAfter");
        Objects.requireNonNull(dedupeKey, "dedupeKey");
        if (kind.isBlank() || kind.length() > MAX_KIND) {
            throw new InvalidInputException("a job kind must have 1 to " + MAX_KIND + " characters", kind);
        }
        if (payload.length() > MAX_PAYLOAD) {
            throw new InvalidInputException(
                    "a job payload must have at most " + MAX_PAYLOAD + " characters, not " + payload.length(), kind);
        }
        if (dedupeKey.isPresent()
                && (dedupeKey.get().isEmpty() || dedupeKey.get().length() > MAX_DEDUPE_KEY)) {
            throw new InvalidInputException(
                    "a job's de-duplication key must have 1 to " + MAX_DEDUPE_KEY + " characters", kind);
        }
        if (maxAttempts < 1) {
            throw new InvalidInputException("a job needs at least one attempt, not " + maxAttempts, kind);
        }
    }

    /** Due now, no de-duplication, {@link #DEFAULT_MAX_ATTEMPTS}. */
    public static JobRequest of(String kind, String payload, Instant now) {
        return new JobRequest(kind, payload, now, Optional.empty(), DEFAULT_MAX_ATTEMPTS);
    }

    public JobRequest withDedupeKey(String key) {
        return new JobRequest(kind, payload, runAfter, Optional.of(key), maxAttempts);
    }

    public JobRequest withMaxAttempts(int attempts) {
        return new JobRequest(kind, payload, runAfter, dedupeKey, attempts);
    }
}
