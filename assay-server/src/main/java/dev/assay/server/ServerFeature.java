package dev.assay.server;

import dev.assay.server.metrics.Metrics;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRouting;
import java.util.Optional;

/**
 * One capability of the server that registers its own routes: the admission webhook, the portfolio REST
 * API, the dashboard. The server adds health, readiness, metrics and the not-found fallback around them.
 */
public interface ServerFeature {
    /** A short name for logs and readiness reports ({@code admission}). */
    String name();

    /**
     * Registers the feature's routes and creates its metrics. Called once, before the server listens.
     * Handlers run on virtual threads, concurrently, and must answer every request themselves: an
     * exception that escapes becomes a 500 with a generic message (and a log line with the stack).
     */
    void routing(HttpRouting.Builder routing, Metrics metrics);

    /**
     * Why the feature cannot serve yet (a database migration running, a cache warming up), or empty when
     * it can. {@code /readyz} reports ready only when every feature is.
     */
    default Optional<String> notReady() {
        return Optional.empty();
    }

    /** The largest request body any of its routes accepts; the listener refuses larger bodies outright. */
    long maxRequestBytes();

    /**
     * The body of an error the listener answers before any route runs (a body declared over the listener's
     * limit, a malformed request) when the request was for {@code path}, in the feature's own error shape;
     * empty for paths that are not the feature's, which get the Kubernetes {@code Status} shape.
     */
    default Optional<byte[]> transportErrorBody(String path, Status status, String message) {
        return Optional.empty();
    }

    /** Releases what the feature holds; called once when the server stops. */
    default void close() {}
}
