package dev.assay.server.portfolio.api;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The REST API's one error shape, {@code {"error": "...", "status": N}}: a short message for a person,
 * never a stack trace or an exception's class. (The admission webhook keeps Kubernetes' {@code Status}
 * shape, which kubectl understands; API clients get this simpler one.)
 */
public final class ApiErrors {
    private static final JsonFactory JSON = new JsonFactory();
    /** Messages may echo parts of the request; bounded so an error cannot amplify a request. */
    private static final int MAX_MESSAGE_LENGTH = 1024;

    private ApiErrors() {}

    public static void send(ServerResponse response, Status status, String message) {
        response.status(status);
        response.header(HeaderNames.CONTENT_TYPE, "application/json");
        response.send(body(status, message));
    }

    static byte[] body(Status status, String message) {
        String bounded =
                message.length() > MAX_MESSAGE_LENGTH ? message.substring(0, MAX_MESSAGE_LENGTH) + " ..." : message;
        ByteArrayOutputStream out = new ByteArrayOutputStream(128);
        try (JsonGenerator json = JSON.createGenerator(out, JsonEncoding.UTF8)) {
            json.writeStartObject();
            json.writeStringField("error", bounded);
            json.writeNumberField("status", status.code());
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("writing to memory cannot fail", e);
        }
        out.write('\n');
        return out.toByteArray();
    }
}
