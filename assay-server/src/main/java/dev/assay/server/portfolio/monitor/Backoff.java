package dev.assay.server.portfolio.monitor;

import java.time.Duration;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * Exponential back-off with jitter: attempt n waits {@code initial * 2^(n-1)}, capped at {@code max}, then
 * scaled by a random factor in [0.5, 1]. The jitter keeps many jobs that failed together (a receiver that
 * was down) from retrying in lockstep.
 */
public record Backoff(Duration initial, Duration max) {
    public static final Backoff DEFAULT = new Backoff(Duration.ofSeconds(5), Duration.ofHours(1));

    public Backoff {
        Objects.requireNonNull(initial, "initial");
        Objects.requireNonNull(max, "max");
        if (initial.isNegative() || initial.isZero() || max.compareTo(initial) < 0) {
            throw new IllegalArgumentException("back-off needs 0 < initial <= max, not " + initial + ", " + max);
        }
    }

    /** The delay before the attempt after failed attempt {@code attempt} (1-based). */
    public Duration delay(int attempt, RandomGenerator random) {
        Duration capped = ceiling(attempt);
        double factor = 0.5 + 0.5 * random.nextDouble();
        return Duration.ofNanos((long) (capped.toNanos() * factor));
    }

    /** The delay before jitter: the upper bound of {@link #delay}. */
    public Duration ceiling(int attempt) {
        int doublings = Math.clamp(attempt - 1, 0, 62);
        long initialNanos = initial.toNanos();
        long maxNanos = max.toNanos();
        if (doublings >= 62 || initialNanos > (maxNanos >> doublings)) {
            return max;
        }
        return Duration.ofNanos(initialNanos << doublings);
    }
}
