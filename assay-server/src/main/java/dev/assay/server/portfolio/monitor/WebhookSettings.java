package dev.assay.server.portfolio.monitor;

import java.time.Duration;
import java.util.Objects;

/**
 * How webhooks are sent.
 *
 * @param connectTimeout bound on establishing the connection
 * @param requestTimeout bound on waiting for the response status and headers; a receiver that hangs is a
 *     transient failure, retried
 * @param maxAttempts attempts before a delivery is marked failed
 * @param backoff delays between attempts (exponential with jitter)
 * @param maxRetryAfter the longest {@code Retry-After} honoured; longer requests are cut to this
 */
public record WebhookSettings(
        Duration connectTimeout, Duration requestTimeout, int maxAttempts, Backoff backoff, Duration maxRetryAfter) {
    public WebhookSettings {
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(requestTimeout, "requestTimeout");
        Objects.requireNonNull(backoff, "backoff");
        Objects.requireNonNull(maxRetryAfter, "maxRetryAfter");
        if (maxAttempts < 1 || maxAttempts > Notifications.JOB_MAX_ATTEMPTS) {
            throw new IllegalArgumentException(
                    "webhook attempts must be 1 to " + Notifications.JOB_MAX_ATTEMPTS + ", not " + maxAttempts);
        }
    }

    /** 5 s to connect, 10 s for a response, 10 attempts from 10 s apart up to 1 h, Retry-After up to 1 h. */
    public static WebhookSettings defaults() {
        return new WebhookSettings(
                Duration.ofSeconds(5),
                Duration.ofSeconds(10),
                10,
                new Backoff(Duration.ofSeconds(10), Duration.ofHours(1)),
                Duration.ofHours(1));
    }
}
