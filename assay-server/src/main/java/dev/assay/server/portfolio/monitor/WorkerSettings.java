package dev.assay.server.portfolio.monitor;

import java.time.Duration;
import java.util.Objects;

/**
 * How a {@link Worker} runs.
 *
 * @param name the lease owner written into claimed jobs; unique per instance (host name and process id)
 * @param pollInterval how long an idle worker waits before looking for due jobs again
 * @param lease how long a claimed job stays this worker's without renewal; renewed every third of it
 * @param concurrency jobs run at once, each on its own virtual thread
 * @param backoff delays between attempts of a job whose handler threw
 * @param shutdownGrace how long {@link Worker#close()} waits for running jobs before handing them back
 */
public record WorkerSettings(
        String name, Duration pollInterval, Duration lease, int concurrency, Backoff backoff, Duration shutdownGrace) {
    public WorkerSettings {
        Objects.requireNonNull(name, "name");
        if (name.isBlank() || name.length() > 128) {
            throw new IllegalArgumentException("a worker name needs 1 to 128 characters");
        }
        if (pollInterval.isNegative() || pollInterval.isZero() || lease.isNegative() || lease.isZero()) {
            throw new IllegalArgumentException("poll interval and lease must be positive");
        }
        if (concurrency < 1) {
            throw new IllegalArgumentException("concurrency must be at least 1, not " + concurrency);
        }
        Objects.requireNonNull(backoff, "backoff");
        Objects.requireNonNull(shutdownGrace, "shutdownGrace");
    }

    /** One-second polls, five-minute leases, eight jobs at once, {@link Backoff#DEFAULT}, 30 s grace. */
    public static WorkerSettings defaults(String name) {
        return new WorkerSettings(
                name, Duration.ofSeconds(1), Duration.ofMinutes(5), 8, Backoff.DEFAULT, Duration.ofSeconds(30));
    }

    public WorkerSettings withPollInterval(Duration value) {
        return new WorkerSettings(name, value, lease, concurrency, backoff, shutdownGrace);
    }

    public WorkerSettings withLease(Duration value) {
        return new WorkerSettings(name, pollInterval, value, concurrency, backoff, shutdownGrace);
    }

    public WorkerSettings withConcurrency(int value) {
        return new WorkerSettings(name, pollInterval, lease, value, backoff, shutdownGrace);
    }

    public WorkerSettings withBackoff(Backoff value) {
        return new WorkerSettings(name, pollInterval, lease, concurrency, value, shutdownGrace);
    }

    public WorkerSettings withShutdownGrace(Duration value) {
        return new WorkerSettings(name, pollInterval, lease, concurrency, backoff, value);
    }
}
