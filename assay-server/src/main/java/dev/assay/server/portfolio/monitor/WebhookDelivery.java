package dev.assay.server.portfolio.monitor;

import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/**
 * One event's delivery to one subscription, as recorded in the outbox.
 *
 * @param deliveryId the {@code X-Assay-Delivery} header value, the same on every attempt
 * @param lastStatus the HTTP status of the last attempt, empty when it got no response
 */
public record WebhookDelivery(
        String deliveryId,
        String eventId,
        String eventType,
        long subscriptionId,
        State state,
        int attempts,
        Instant nextAttemptAt,
        Optional<Integer> lastStatus,
        Optional<String> lastError,
        Optional<Instant> deliveredAt) {
    public enum State {
        PENDING,
        DELIVERED,
        /** Refused by the receiver (4xx other than 429) or out of attempts. */
        FAILED;

        String column() {
            return name().toLowerCase(Locale.ROOT);
        }

        static State ofColumn(String value) {
            return valueOf(value.toUpperCase(Locale.ROOT));
        }
    }
}
