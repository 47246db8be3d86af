package dev.assay.server.portfolio.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.assay.server.portfolio.audit.AuditLog;
import dev.assay.server.portfolio.auth.Scope;
import dev.assay.server.portfolio.monitor.WebhookSubscription;
import dev.assay.server.portfolio.monitor.WebhookSubscriptions;
import dev.assay.server.portfolio.store.PortfolioDatabase;
import dev.assay.server.portfolio.store.UnableToUsePortfolioDatabaseException;
import io.helidon.http.Status;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.jdbi.v3.core.JdbiException;

/** Webhook subscriptions: {@code POST/GET /webhooks}, {@code DELETE /webhooks/{id}} (deactivates). Admin only. */
final class WebhookRoutes implements ApiRoutes {
    private final PortfolioDatabase database;
    private final WebhookSubscriptions subscriptions;
    private final Clock clock;

    WebhookRoutes(PortfolioDatabase database, Clock clock) {
        this.database = database;
        this.subscriptions = new WebhookSubscriptions(database, clock);
        this.clock = clock;
    }

    /** A subscription as listed: never its secret. */
    record WebhookView(long id, String url, List<String> events, boolean active, String createdAt) {
        static WebhookView of(WebhookSubscription subscription) {
            return new WebhookView(
                    subscription.id(),
                    subscription.url().toString(),
                    List.copyOf(new TreeSet<>(subscription.events())),
                    subscription.active(),
                    subscription.createdAt().toString());
        }
    }

    @Override
    public void register(ApiRouter router) {
        router.post("/webhooks", Scope.ADMIN, exchange -> {
            JsonNode body = exchange.jsonBody();
            String url = ApiExchange.requiredText(body, "url");
            String secret = ApiExchange.requiredText(body, "secret");
            JsonNode events = body.get("events");
            if (events == null || !events.isArray()) {
                throw ApiProblem.badRequest("the field 'events' is required and must be an array of event types");
            }
            Set<String> types = new TreeSet<>();
            for (JsonNode event : events) {
                if (!event.isTextual()) {
                    throw ApiProblem.badRequest("the field 'events' must hold event type strings");
                }
                types.add(event.asText());
            }
            WebhookSubscription created = subscriptions.create(url, secret, types);
            audit(exchange, "webhook.create", created, String.join(",", types));
            exchange.respond(Status.CREATED_201, WebhookView.of(created));
        });
        router.get(
                "/webhooks",
                Scope.ADMIN,
                exchange -> exchange.respond(
                        Status.OK_200,
                        Map.of(
                                "webhooks",
                                subscriptions.list().stream()
                                        .map(WebhookView::of)
                                        .toList())));
        router.delete("/webhooks/{id}", Scope.ADMIN, exchange -> {
            long id = parseId(exchange.pathParameter("id"));
            if (subscriptions.find(id).isEmpty()) {
                throw ApiProblem.notFound("no webhook with id " + id);
            }
            subscriptions.deactivate(id);
            WebhookSubscription now = subscriptions.find(id).orElseThrow();
            audit(exchange, "webhook.deactivate", now, "");
            exchange.respond(Status.OK_200, WebhookView.of(now));
        });
    }

    private static long parseId(String text) {
        try {
            long id = Long.parseLong(text);
            if (id > 0) {
                return id;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw ApiProblem.notFound("no webhook with id " + text);
    }

    private void audit(ApiExchange exchange, String action, WebhookSubscription subscription, String detail) {
        try {
            database.jdbi()
                    .useTransaction(handle -> AuditLog.record(
                            handle,
                            OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC),
                            exchange.caller().name(),
                            action,
                            "webhook " + subscription.id() + " " + subscription.url(),
                            detail));
        } catch (JdbiException e) {
            throw new UnableToUsePortfolioDatabaseException(
                    "cannot record the audit entry: " + e.getMessage(), "audit_log", e);
        }
    }
}
