package dev.assay.server;

import io.helidon.http.DirectHandler;
import io.helidon.http.HeaderNames;
import io.helidon.http.ServerResponseHeaders;
import io.helidon.http.Status;
import io.helidon.webserver.http.DirectHandlers;

/**
 * Answers the errors Helidon detects before any route runs (a malformed request line, headers too large,
 * a body declared larger than the limit) in the same {@code Status} JSON as the routes, and never with the
 * text of an internal exception.
 */
final class TransportErrors implements DirectHandler {
    private TransportErrors() {}

    static DirectHandlers handlers() {
        TransportErrors handler = new TransportErrors();
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
        String shown = switch (eventType) {
            case PAYLOAD_TOO_LARGE -> "the request body is larger than the server accepts";
            case INTERNAL_ERROR, OTHER ->
                status.code() >= 500 ? "internal error; see the server log" : status.reasonPhrase();
            default -> message == null || message.isBlank() ? status.reasonPhrase() : message;
        };
        return TransportResponse.builder()
                .status(status)
                .headers(headers)
                .header(HeaderNames.CONTENT_TYPE, "application/json")
                .keepAlive(eventType.keepAlive())
                .entity(HttpErrors.body(status, shown))
                .build();
    }
}
