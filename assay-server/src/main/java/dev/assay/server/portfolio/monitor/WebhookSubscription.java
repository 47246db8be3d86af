package dev.assay.server.portfolio.monitor;

import java.net.URI;
import java.time.Instant;
import java.util.Set;

/** A webhook subscription as listed: never with its secret, which is write-only. */
public record WebhookSubscription(long id, URI url, Set<String> events, boolean active, Instant createdAt) {
    public WebhookSubscription {
        events = Set.copyOf(events);
    }
}
