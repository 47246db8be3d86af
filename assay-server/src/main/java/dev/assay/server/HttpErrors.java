package dev.assay.server;

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
 * Error responses as Kubernetes writes them (a {@code v1} {@code Status} object), so that the API server
 * and kubectl show their message. One short message, never a stack trace or an exception's class.
 */
public final class HttpErrors {
    private static final JsonFactory JSON = new JsonFactory();

    private static final int MAX_MESSAGE_LENGTH = 1024;

    private HttpErrors() {}

    public static void send(ServerResponse response, Status status, String message) {
        response.status(status);
        response.header(HeaderNames.CONTENT_TYPE, "application/json");
        response.send(body(status, message));
    }

    static byte[] body(Status status, String message) {
        return jsonBody(json -> {
            json.writeStringField("kind", "Status");
            json.writeStringField("apiVersion", "v1");
            json.writeStringField("status", "Failure");
            json.writeStringField("message", bounded(message));
            json.writeStringField("reason", reason(status));
            json.writeNumberField("code", status.code());
        });
    }

    /** The fields of one JSON error object. */
    @FunctionalInterface
    public interface ErrorFields {
        void write(JsonGenerator json) throws IOException;
    }

    /** One JSON object with the given fields and a newline, as every error body of the server is written. */
    public static byte[] jsonBody(ErrorFields fields) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(128);
        try (JsonGenerator json = JSON.createGenerator(out, JsonEncoding.UTF8)) {
            json.writeStartObject();
            fields.write(json);
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("writing to memory cannot fail", e);
        }
        out.write('\n');
        return out.toByteArray();
    }

    /** Messages echo parts of the request; cut so that an error cannot be used to amplify a request. */
    public static String bounded(String message) {
        return message.length() > MAX_MESSAGE_LENGTH ? message.substring(0, MAX_MESSAGE_LENGTH) + " ..." : message;
    }

    /** Kubernetes' StatusReason for the codes the server sends. */
    private static String reason(Status status) {
        return switch (status.code()) {
            case 400 -> "BadRequest";
            case 404 -> "NotFound";
            case 405 -> "MethodNotAllowed";
            case 413 -> "RequestEntityTooLarge";
            case 415 -> "UnsupportedMediaType";
            case 503 -> "ServiceUnavailable";
            default -> status.code() >= 500 ? "InternalError" : "Unknown";
        };
    }
}
