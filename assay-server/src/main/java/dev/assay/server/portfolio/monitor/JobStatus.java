package dev.assay.server.portfolio.monitor;

import java.time.Instant;
import java.util.Optional;

/** A job as stored, for status pages and tests. */
public record JobStatus(
        long id,
        String kind,
        String payload,
        JobState state,
        int attempts,
        int maxAttempts,
        Instant runAfter,
        Optional<String> leaseOwner,
        Optional<String> lastError,
        Optional<String> dedupeKey) {}
