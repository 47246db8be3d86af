package dev.assay.server.portfolio.api;

import dev.assay.server.HttpErrors;
import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerResponse;

/**
 * The REST API's one error shape, {@code {"error": "...", "status": N}}: a short message for a person,
 * never a stack trace or an exception's class. (The admission webhook keeps Kubernetes' {@code Status}
 * shape, which kubectl understands; API clients get this simpler one.) Written and bounded as
 * {@link HttpErrors} writes the webhook's.
 */
public final class ApiErrors {
    private ApiErrors() {}

    public static void send(ServerResponse response, Status status, String message) {
        response.status(status);
        response.header(HeaderNames.CONTENT_TYPE, "application/json");
        response.send(body(status, message));
    }

    static byte[] body(Status status, String message) {
        return HttpErrors.jsonBody(json -> {
            json.writeStringField("error", HttpErrors.bounded(message));
            json.writeNumberField("status", status.code());
        });
    }
}
