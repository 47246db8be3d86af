package dev.assay.server;

import dev.assay.model.InputTooLargeException;
import dev.assay.model.untrusted.BoundedInput;
import io.helidon.http.HeaderNames;
import io.helidon.http.HttpMediaType;
import io.helidon.http.RequestException;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads request bodies within a limit, checking the declared type and size before reading a byte: a body
 * declared larger than the limit is refused at once (and the connection closed, so the rest is never
 * read); a chunked body is read until it passes the limit.
 */
public final class RequestBodies {
    private static final Logger LOG = LoggerFactory.getLogger(RequestBodies.class);

    private RequestBodies() {}

    /**
     * The body, or empty after answering 415 (not {@code mediaType}), 413 (over {@code limit}) or 400
     * (unreadable).
     */
    public static Optional<byte[]> read(ServerRequest request, ServerResponse response, String mediaType, long limit) {
        if (!hasMediaType(request, mediaType)) {
            String given =
                    request.headers().contentType().map(HttpMediaType::text).orElse("none");
            HttpErrors.send(
                    response,
                    Status.UNSUPPORTED_MEDIA_TYPE_415,
                    "Content-Type must be " + mediaType + ", not " + given);
            return Optional.empty();
        }
        OptionalLong declared = request.headers().contentLength();
        if (declared.isPresent() && declared.getAsLong() > limit) {
            tooLarge(response, limit);
            return Optional.empty();
        }
        try (InputStream input = request.content().inputStream()) {
            return Optional.of(BoundedInput.readAll(input, limit, "request body"));
        } catch (InputTooLargeException e) {
            tooLarge(response, limit);
            return Optional.empty();
        } catch (RequestException e) {
            // The HTTP stack refused the body itself: a chunked body past the listener's limit.
            if (e.status().code() == Status.REQUEST_ENTITY_TOO_LARGE_413_CODE) {
                tooLarge(response, limit);
            } else {
                response.header(HeaderNames.CONNECTION, "close");
                HttpErrors.send(
                        response, Status.BAD_REQUEST_400, "cannot read the request body: malformed or incomplete");
            }
            return Optional.empty();
        } catch (IOException | RuntimeException e) {
            // A malformed chunked encoding, a connection cut mid-body: the client's fault, not a server error.
            // The exception's text is the HTTP stack's, not something to show a client.
            LOG.debug("cannot read a request body from {}", request.remotePeer().host(), e);
            response.header(HeaderNames.CONNECTION, "close");
            HttpErrors.send(response, Status.BAD_REQUEST_400, "cannot read the request body: malformed or incomplete");
            return Optional.empty();
        }
    }

    private static void tooLarge(ServerResponse response, long limit) {
        // Closing the connection is what makes refusing cheap: otherwise the server would have to read
        // (and discard) the rest of the body to find the next request on the connection.
        response.header(HeaderNames.CONNECTION, "close");
        HttpErrors.send(
                response,
                Status.REQUEST_ENTITY_TOO_LARGE_413,
                "the request body is larger than the limit of " + limit + " bytes");
    }

    /** The media type, and UTF-8 when a charset is named: JSON is UTF-8 (RFC 8259). */
    static boolean hasMediaType(ServerRequest request, String mediaType) {
        return request.headers()
                .contentType()
                .filter(type -> type.mediaType().text().toLowerCase(Locale.ROOT).equals(mediaType))
                .filter(type -> type.charset()
                        .map(charset -> charset.equalsIgnoreCase("utf-8"))
                        .orElse(true))
                .isPresent();
    }
}
