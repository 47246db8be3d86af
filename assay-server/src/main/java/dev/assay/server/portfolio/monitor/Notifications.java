package dev.assay.server.portfolio.monitor;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jdbi.v3.core.Handle;

/**
 * Raises events: one outbox row per active subscription to the event's type, and one
 * {@value #DELIVER_KIND} job per row, written in the caller's transaction. The event is sent if and only
 * if the change that caused it commits, and no crash between the change and the send loses it.
 */
public final class Notifications {
    /** The job kind that sends one outbox row; see {@link WebhookDeliveryHandler}. */
    public static final String DELIVER_KIND = "webhook.deliver";

    /**
     * The job's own attempt limit is only a safety net for instances dying mid-send: the delivery's attempts
     * ({@link WebhookSettings#maxAttempts()}) decide when it fails.
     */
    static final int JOB_MAX_ATTEMPTS = 50;

    private static final ObjectMapper JSON = new ObjectMapper();

    private Notifications() {}

    /**
     * Enqueues {@code event} for every active subscription that wants it.
     *
     * @return the delivery ids ({@code X-Assay-Delivery}), empty when nobody subscribes to the event
     */
    public static List<String> enqueue(Handle handle, Event event) {
        return enqueue(handle, event, Clock.systemUTC());
    }

    public static List<String> enqueue(Handle handle, Event event, Clock clock) {
        List<Long> subscribers = handle.createQuery("SELECT id, events FROM webhook_subscriptions WHERE active")
                .map((rs, ctx) ->
                        WebhookSubscriptions.events(rs.getString("events")).contains(event.type())
                                ? rs.getLong("id")
                                : -1L)
                .filter(id -> id >= 0)
                .list();
        if (subscribers.isEmpty()) {
            return List.of();
        }
        Instant now = clock.instant();
        String eventId = UUID.randomUUID().toString();
        String body = envelope(eventId, event, now);
        List<String> deliveries = new ArrayList<>();
        for (long subscription : subscribers) {
            String deliveryId = UUID.randomUUID().toString();
            handle.createUpdate("""
                            INSERT INTO webhook_deliveries (delivery_id, event_id, event_type, subscription_id, payload,
                                attempts, next_attempt_at, state, created_at)
                            VALUES (:delivery, :event, :type, :subscription, :payload, 0, :now, 'pending', :now)""")
                    .bind("delivery", deliveryId)
                    .bind("event", eventId)
                    .bind("type", event.type())
                    .bind("subscription", subscription)
                    .bind("payload", body)
                    .bind("now", WorkQueue.utc(now))
                    .execute();
            WorkQueue.enqueue(
                    handle,
                    JobRequest.of(DELIVER_KIND, jobPayload(deliveryId), now)
                            .withDedupeKey(DELIVER_KIND + ":" + deliveryId)
                            .withMaxAttempts(JOB_MAX_ATTEMPTS));
            deliveries.add(deliveryId);
        }
        return deliveries;
    }

    /** The delivered body: {@code {"id", "type", "createdAt", "data"}}. */
    static String envelope(String eventId, Event event, Instant createdAt) {
        Map<String, Object> envelope = new LinkedHashMap<>();
        envelope.put("id", eventId);
        envelope.put("type", event.type());
        envelope.put("createdAt", createdAt.toString());
        envelope.put("data", event.data());
        return json(envelope);
    }

    static String jobPayload(String deliveryId) {
        return json(Map.of("delivery", deliveryId));
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            // Maps of strings, numbers and booleans always serialize.
            throw new IllegalStateException("cannot write event JSON", e);
        }
    }
}
