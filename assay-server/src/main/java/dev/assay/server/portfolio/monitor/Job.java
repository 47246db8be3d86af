package dev.assay.server.portfolio.monitor;

import java.time.Instant;

/**
 * A job as claimed by one worker. {@code attempt} counts claims, this one included; together with the
 * owner it fences every later write, so a worker whose lease ran out (and whose job another instance took)
 * cannot record an outcome for it.
 *
 * @param payload the JSON text given at enqueue time
 */
public record Job(
        long id,
        String kind,
        String payload,
        int attempt,
        int maxAttempts,
        String leaseOwner,
        Instant leaseExpiresAt) {}
