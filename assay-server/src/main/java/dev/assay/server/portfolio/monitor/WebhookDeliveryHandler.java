package dev.assay.server.portfolio.monitor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.assay.model.InvalidInputException;
import dev.assay.server.portfolio.store.PortfolioDatabase;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends one outbox row ({@value Notifications#DELIVER_KIND} job) with the JDK HTTP client.
 *
 * <p>2xx is delivered. Timeouts, connection errors, 5xx and 429 are retried with exponential back-off and
 * jitter, waiting at least as long as a {@code Retry-After} asks (up to {@link WebhookSettings#maxRetryAfter()});
 * any other status (a 4xx refusal, a 3xx redirect, which is not followed so that a validated URL cannot
 * be bent elsewhere) fails the delivery at once. Delivery is at least once: a receiver that answered 2xx
 * just before this instance died sees the delivery again, with the same {@code X-Assay-Delivery}.
 */
public final class WebhookDeliveryHandler implements JobHandler {
    private static final Logger LOG = LoggerFactory.getLogger(WebhookDeliveryHandler.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final PortfolioDatabase database;
    private final WebhookSettings settings;
    private final Clock clock;
    private final HttpClient client;
    private final RandomGenerator random = RandomGenerator.of("L64X128MixRandom");

    public WebhookDeliveryHandler(PortfolioDatabase database, WebhookSettings settings, Clock clock) {
        this.database = database;
        this.settings = settings;
        this.clock = clock;
        this.client = HttpClient.newBuilder()
                .connectTimeout(settings.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .version(HttpClient.Version.HTTP_1_1)
                .build();
    }

    @Override
    public String kind() {
        return Notifications.DELIVER_KIND;
    }

    @Override
    public void handle(Job job) throws Exception {
        String deliveryId = deliveryId(job);
        Optional<Pending> found = database.jdbi()
                .withHandle(handle -> handle.createQuery("""
                        SELECT d.delivery_id, d.event_type, d.payload, d.attempts, d.state, s.url, s.secret, s.active
                        FROM webhook_deliveries d JOIN webhook_subscriptions s ON s.id = d.subscription_id
                        WHERE d.delivery_id = :id""")
                        .bind("id", deliveryId)
                        .map((rs, ctx) -> new Pending(
                                rs.getString("delivery_id"),
                                rs.getString("event_type"),
                                rs.getString("payload"),
                                rs.getInt("attempts"),
                                rs.getString("state"),
                                rs.getString("url"),
                                database.secrets().open(rs.getString("secret")),
                                rs.getBoolean("active")))
                        .findOne());
        if (found.isEmpty()) {
            // The subscription was deleted with its deliveries: nothing left to send.
            return;
        }
        Pending delivery = found.get();
        if (!delivery.state().equals("pending")) {
            return; // already settled by an earlier run of this job
        }
        if (!delivery.active()) {
            settle(delivery, WebhookDelivery.State.FAILED, delivery.attempts(), null, "subscription deactivated");
            return;
        }
        int attempt = delivery.attempts() + 1;
        Attempt result = send(delivery);
        switch (result) {
            case Attempt.Delivered delivered ->
                settle(delivery, WebhookDelivery.State.DELIVERED, attempt, delivered.status(), null);
            case Attempt.Refused refused ->
                settle(delivery, WebhookDelivery.State.FAILED, attempt, refused.status(), refused.error());
            case Attempt.Transient failure -> {
                if (attempt >= settings.maxAttempts()) {
                    settle(
                            delivery,
                            WebhookDelivery.State.FAILED,
                            attempt,
                            failure.status(),
                            failure.error() + " (attempt " + attempt + " of " + settings.maxAttempts()
                                    + ", giving up)");
                    return;
                }
                Duration delay = settings.backoff().delay(attempt, random);
                if (failure.retryAfter().isPresent()) {
                    Duration asked = min(failure.retryAfter().get(), settings.maxRetryAfter());
                    delay = asked.compareTo(delay) > 0 ? asked : delay;
                }
                Instant next = clock.instant().plus(delay);
                database.jdbi()
                        .useTransaction(handle -> handle.createUpdate("""
                                UPDATE webhook_deliveries SET attempts = :attempts, next_attempt_at = :next,
                                    last_status = :status, last_error = :error
                                WHERE delivery_id = :id AND state = 'pending'""")
                                .bind("attempts", attempt)
                                .bind("next", WorkQueue.utc(next))
                                .bind("status", failure.status())
                                .bind("error", WorkQueue.truncate(failure.error()))
                                .bind("id", delivery.deliveryId())
                                .execute());
                throw new RetryLaterException(failure.error(), delay);
            }
        }
    }

    private Attempt send(Pending delivery) throws InterruptedException {
        URI url;
        try {
            url = WebhookUrls.validate(delivery.url());
        } catch (InvalidInputException e) {
            return new Attempt.Refused(null, e.getMessage());
        }
        byte[] body = delivery.payload().getBytes(StandardCharsets.UTF_8);
        String timestamp = Long.toString(clock.instant().getEpochSecond());
        HttpRequest request = HttpRequest.newBuilder(url)
                .timeout(settings.requestTimeout())
                .header("Content-Type", "application/json")
                .header("User-Agent", "assay-server-webhooks")
                .header("X-Assay-Event", delivery.eventType())
                .header("X-Assay-Delivery", delivery.deliveryId())
                .header("X-Assay-Timestamp", timestamp)
                .header("X-Assay-Signature", WebhookSignatures.sign(delivery.secret(), timestamp, body))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        HttpResponse<InputStream> response;
        try {
            response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
        } catch (HttpTimeoutException e) {
            return new Attempt.Transient(null, "timed out: " + e.getMessage(), Optional.empty());
        } catch (ConnectException e) {
            return new Attempt.Transient(null, "cannot connect: " + describe(e), Optional.empty());
        } catch (IOException e) {
            return new Attempt.Transient(null, "connection failed: " + describe(e), Optional.empty());
        }
        // The body is never needed; closing without reading it keeps a slow receiver from holding us.
        try (InputStream ignored = response.body()) {
            LOG.debug("webhook {} to {}: {}", delivery.deliveryId(), url.getHost(), response.statusCode());
        } catch (IOException e) {
            LOG.debug("webhook {}: closing the response: {}", delivery.deliveryId(), e.getMessage());
        }
        int status = response.statusCode();
        if (status >= 200 && status < 300) {
            return new Attempt.Delivered(status);
        }
        if (status == 429 || status >= 500) {
            Optional<Duration> retryAfter = RetryAfter.parse(
                    response.headers().firstValue("Retry-After").orElse(null), clock.instant());
            return new Attempt.Transient(status, "HTTP " + status, retryAfter);
        }
        return new Attempt.Refused(status, "HTTP " + status + " (not retried)");
    }

    private void settle(Pending delivery, WebhookDelivery.State state, int attempts, Integer status, String error) {
        database.jdbi()
                .useTransaction(handle -> handle.createUpdate("""
                        UPDATE webhook_deliveries SET state = :state, attempts = :attempts, last_status = :status,
                            last_error = :error, delivered_at = :deliveredAt
                        WHERE delivery_id = :id AND state = 'pending'""")
                        .bind("state", state.column())
                        .bind("attempts", attempts)
                        .bind("status", status)
                        .bind("error", error == null ? null : WorkQueue.truncate(error))
                        .bind(
                                "deliveredAt",
                                state == WebhookDelivery.State.DELIVERED ? WorkQueue.utc(clock.instant()) : null)
                        .bind("id", delivery.deliveryId())
                        .execute());
        if (state == WebhookDelivery.State.FAILED) {
            LOG.warn("webhook delivery {} ({}) failed: {}", delivery.deliveryId(), delivery.eventType(), error);
        }
    }

    private static String deliveryId(Job job) throws PermanentJobFailureException {
        try {
            JsonNode node = JSON.readTree(job.payload());
            JsonNode id = node == null ? null : node.get("delivery");
            if (id == null || !id.isTextual()) {
                throw new PermanentJobFailureException("job " + job.id() + " names no delivery");
            }
            return id.asText();
        } catch (IOException e) {
            throw new PermanentJobFailureException("job " + job.id() + " has an unreadable payload", e);
        }
    }

    private static String describe(IOException e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    private record Pending(
            String deliveryId,
            String eventType,
            String payload,
            int attempts,
            String state,
            String url,
            String secret,
            boolean active) {}

    private sealed interface Attempt {
        record Delivered(int status) implements Attempt {}

        record Refused(Integer status, String error) implements Attempt {}

        record Transient(Integer status, String error, Optional<Duration> retryAfter) implements Attempt {}
    }
}
