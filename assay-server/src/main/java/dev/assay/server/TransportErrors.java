package dev.assay.server;

import io.helidon.http.DirectHandler;
import io.helidon.http.HeaderNames;
import io.helidon.http.ServerResponseHeaders;
import io.helidon.http.Status;
import io.helidon.webserver.http.DirectHandlers;
import java.util.List;
import java.util.Optional;

/**
 * Answers the errors Helidon detects before any route runs (a malformed request line, headers too large,
 * a body declared larger than the limit) in the error shape of the feature whose path was asked for (the
 * Kubernetes {@code Status} JSON of the admission webhook otherwise), and never with the text of an
 * internal exception.
 */
final class TransportErrors implements DirectHandler {
    private final List<ServerFeature> features;

    private TransportErrors(List<ServerFeature> features) {
        this.features = List.copyOf(features);
    }

    /** Each feature answers in its own error shape for its own paths (see ServerFeature#transportErrorBody). */
    static DirectHandlers handlers(List<ServerFeature> features) {
        TransportErrors handler = new TransportErrors(features);
        DirectHandlers.Builder builder = DirectHandlers.builder();
        for (EventType type : EventType.values()) {
            builder.addHandler(type, handler);
        }
        return builder.build();
    }

    @Override
    public TransportResponse handle(
            TransportRequest request,
            EventType eventType,
            Status status,
            ServerResponseHeaders headers,
            String message) {
        // Helidon reports a body declared over its limit as PAYLOAD_TOO_LARGE or, on some paths, as OTHER
        // with status 413: both get the same explanation.
        boolean tooLarge =
                eventType == EventType.PAYLOAD_TOO_LARGE || status.code() == Status.REQUEST_ENTITY_TOO_LARGE_413.code();
        String shown = tooLarge
                ? "the request body is larger than the server accepts"
                : switch (eventType) {
                    case INTERNAL_ERROR, OTHER ->
                        status.code() >= 500 ? "internal error; see the server log" : status.reasonPhrase();
                    default -> message == null || message.isBlank() ? status.reasonPhrase() : message;
                };
        return TransportResponse.builder()
                .status(status)
                .headers(headers)
                .header(HeaderNames.CONTENT_TYPE, "application/json")
                .keepAlive(eventType.keepAlive())
                .entity(body(request.path(), status, shown))
                .build();
    }

    private byte[] body(String path, Status status, String message) {
        if (path != null) {
            for (ServerFeature feature : features) {
                Optional<byte[]> own = feature.transportErrorBody(path, status, message);
                if (own.isPresent()) {
                    return own.get();
                }
            }
        }
        return HttpErrors.body(status, message);
    }
}
