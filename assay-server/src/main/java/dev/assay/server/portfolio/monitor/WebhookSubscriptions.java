package dev.assay.server.portfolio.monitor;

import dev.assay.model.InvalidInputException;
import dev.assay.server.portfolio.store.PortfolioDatabase;
import dev.assay.server.portfolio.store.SecretSealer;
import dev.assay.server.portfolio.store.UnableToUsePortfolioDatabaseException;
import java.net.URI;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.JdbiException;

/** Webhook subscriptions ({@code webhook_subscriptions}) and their deliveries, for the REST layer. */
public final class WebhookSubscriptions {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(WebhookSubscriptions.class);

    /** Shorter secrets are guessable offline from one signed delivery. */
    public static final int MIN_SECRET_LENGTH = 16;

    static final int MAX_SECRET_LENGTH = 512;

    private final PortfolioDatabase database;
    private final Clock clock;

    public WebhookSubscriptions(PortfolioDatabase database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    /**
     * Creates an active subscription.
     *
     * @param events a non-empty subset of {@link Event#TYPES}
     * @throws InvalidInputException for a URL that is not http(s) with a host, a secret shorter than
     *     {@link #MIN_SECRET_LENGTH}, or an unknown or missing event type
     */
    public WebhookSubscription create(String url, String secret, Set<String> events) {
        URI uri = WebhookUrls.validate(url);
        if (secret == null || secret.length() < MIN_SECRET_LENGTH || secret.length() > MAX_SECRET_LENGTH) {
            throw new InvalidInputException(
                    "a webhook secret must have " + MIN_SECRET_LENGTH + " to " + MAX_SECRET_LENGTH + " characters",
                    "secret");
        }
        if (SecretSealer.isSealed(secret)) {
            throw new InvalidInputException(
                    "a webhook secret must not start with '" + SecretSealer.PREFIX + "' (the mark of a stored,"
                            + " encrypted secret)",
                    "secret");
        }
        if (events == null || events.isEmpty()) {
            throw new InvalidInputException(
                    "a webhook must name at least one event: " + String.join(", ", new TreeSet<>(Event.TYPES)),
                    "events");
        }
        for (String event : events) {
            if (!Event.TYPES.contains(event)) {
                throw new InvalidInputException(
                        "unknown webhook event '" + event + "'; known: "
                                + String.join(", ", new TreeSet<>(Event.TYPES)),
                        "events");
            }
        }
        OffsetDateTime now = WorkQueue.utc(clock.instant());
        String eventList = String.join(",", new TreeSet<>(events));
        long id = write(handle -> handle.createUpdate("""
                        INSERT INTO webhook_subscriptions (url, secret, events, active, created_at)
                        VALUES (:url, :secret, :events, TRUE, :now)""")
                .bind("url", uri.toString())
                .bind("secret", database.secrets().seal(secret))
                .bind("events", eventList)
                .bind("now", now)
                .executeAndReturnGeneratedKeys("id")
                .mapTo(Long.class)
                .one());
        if (!database.secrets().seals()) {
            LOG.warn(
                    "webhook {}: its secret is stored unencrypted; set {} to encrypt webhook secrets",
                    id,
                    SecretSealer.KEY_VARIABLE);
        }
        return new WebhookSubscription(id, uri, events, true, now.toInstant());
    }

    /** What {@link #sealStoredSecrets()} found and did. */
    public record SealReport(int inTheClear, int sealed) {}

    /**
     * Brings the stored secrets in line with the database's key, at start: secrets stored in the clear, or
     * sealed with the key being replaced ({@value SecretSealer#PREVIOUS_KEY_VARIABLE}), are sealed with the
     * current key, and every sealed one is opened once, so that a missing or wrong key stops the server at
     * start rather than failing each delivery later.
     *
     * @return how many are still in the clear (no key is set) and how many were sealed now
     * @throws InvalidInputException a sealed secret that no key given can open
     */
    public SealReport sealStoredSecrets() {
        SecretSealer sealer = database.secrets();
        record Stored(long id, String value) {}
        List<Stored> stored = read(handle -> handle.createQuery("SELECT id, secret FROM webhook_subscriptions")
                .map((rs, ctx) -> new Stored(rs.getLong("id"), rs.getString("secret")))
                .list());
        int inTheClear = 0;
        int sealed = 0;
        for (Stored row : stored) {
            Optional<String> resealed = sealer.resealed(row.value());
            if (!sealer.seals()) {
                inTheClear++;
            } else if (resealed.isPresent()) {
                // Only if unchanged: another instance starting with the same keys may have sealed it already.
                sealed += write(handle -> handle.createUpdate(
                                "UPDATE webhook_subscriptions SET secret = :sealed WHERE id = :id AND secret = :old")
                        .bind("sealed", resealed.get())
                        .bind("id", row.id())
                        .bind("old", row.value())
                        .execute());
            }
        }
        return new SealReport(inTheClear, sealed);
    }

    public List<WebhookSubscription> list() {
        return read(handle -> handle.createQuery(
                        "SELECT id, url, events, active, created_at FROM webhook_subscriptions ORDER BY id")
                .map((rs, ctx) -> subscription(rs))
                .list());
    }

    public Optional<WebhookSubscription> find(long id) {
        return read(handle -> handle.createQuery(
                        "SELECT id, url, events, active, created_at FROM webhook_subscriptions WHERE id = :id")
                .bind("id", id)
                .map((rs, ctx) -> subscription(rs))
                .findOne());
    }

    /** Stops future events for this subscription; pending deliveries to it fail instead of being sent. */
    public boolean deactivate(long id) {
        return write(handle -> handle.createUpdate("UPDATE webhook_subscriptions SET active = FALSE WHERE id = :id")
                        .bind("id", id)
                        .execute())
                == 1;
    }

    /** The deliveries to one subscription, newest first. */
    public List<WebhookDelivery> deliveries(long subscriptionId) {
        return read(handle -> handle.createQuery("""
                        SELECT delivery_id, event_id, event_type, subscription_id, state, attempts, next_attempt_at,
                            last_status, last_error, delivered_at
                        FROM webhook_deliveries WHERE subscription_id = :id ORDER BY id DESC""")
                .bind("id", subscriptionId)
                .map((rs, ctx) -> delivery(rs))
                .list());
    }

    public Optional<WebhookDelivery> delivery(String deliveryId) {
        return read(handle -> handle.createQuery("""
                        SELECT delivery_id, event_id, event_type, subscription_id, state, attempts, next_attempt_at,
                            last_status, last_error, delivered_at
                        FROM webhook_deliveries WHERE delivery_id = :id""")
                .bind("id", deliveryId)
                .map((rs, ctx) -> delivery(rs))
                .findOne());
    }

    static Set<String> events(String column) {
        return Set.copyOf(
                Arrays.stream(column.split(",")).filter(s -> !s.isEmpty()).toList());
    }

    private static WebhookSubscription subscription(ResultSet rs) throws SQLException {
        return new WebhookSubscription(
                rs.getLong("id"),
                URI.create(rs.getString("url")),
                events(rs.getString("events")),
                rs.getBoolean("active"),
                rs.getObject("created_at", OffsetDateTime.class).toInstant());
    }

    private static WebhookDelivery delivery(ResultSet rs) throws SQLException {
        int status = rs.getInt("last_status");
        Optional<Integer> lastStatus = rs.wasNull() ? Optional.empty() : Optional.of(status);
        OffsetDateTime delivered = rs.getObject("delivered_at", OffsetDateTime.class);
        return new WebhookDelivery(
                rs.getString("delivery_id"),
                rs.getString("event_id"),
                rs.getString("event_type"),
                rs.getLong("subscription_id"),
                WebhookDelivery.State.ofColumn(rs.getString("state")),
                rs.getInt("attempts"),
                rs.getObject("next_attempt_at", OffsetDateTime.class).toInstant(),
                lastStatus,
                Optional.ofNullable(rs.getString("last_error")),
                Optional.ofNullable(delivered).map(OffsetDateTime::toInstant));
    }

    private <T> T write(HandleCallback<T, RuntimeException> work) {
        try {
            return database.jdbi().inTransaction(work);
        } catch (JdbiException e) {
            throw new UnableToUsePortfolioDatabaseException(
                    "cannot store the webhook subscription: " + e.getMessage(), "webhook_subscriptions", e);
        }
    }

    private <T> T read(HandleCallback<T, RuntimeException> work) {
        try {
            return database.jdbi().withHandle(work);
        } catch (JdbiException e) {
            throw new UnableToUsePortfolioDatabaseException(
                    "cannot read webhook subscriptions: " + e.getMessage(), "webhook_subscriptions", e);
        }
    }
}
