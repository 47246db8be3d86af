package dev.assay.server.portfolio.api;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.assay.model.InputTooLargeException;
import dev.assay.model.untrusted.BoundedInput;
import dev.assay.model.untrusted.JsonErrors;
import dev.assay.server.portfolio.auth.ApiKey;
import io.helidon.http.HeaderNames;
import io.helidon.http.HttpMediaType;
import io.helidon.http.RequestException;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/** One API request and its response, with the checks every handler needs in one place. */
public final class ApiExchange {
    /** The most of a refused (413) body read and dropped before the connection closes: see discardRest. */
    static final long REFUSED_BODY_DISCARD_LIMIT = 8L * 1024 * 1024;

    static final ObjectMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    static {
        JSON.getFactory()
                .setStreamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(64)
                        .maxStringLength(1024 * 1024)
                        .build());
    }

    private final ServerRequest request;
    private final ServerResponse response;
    private final ApiKey caller;
    private final ApiLimits limits;
    private QueryParameters query;

    ApiExchange(ServerRequest request, ServerResponse response, ApiKey caller, ApiLimits limits) {
        this.request = request;
        this.response = response;
        this.caller = caller;
        this.limits = limits;
    }

    public ServerRequest request() {
        return request;
    }

    public ServerResponse response() {
        return response;
    }

    /** The authenticated key; its name is the actor in the audit log. */
    public ApiKey caller() {
        return caller;
    }

    public ApiLimits limits() {
        return limits;
    }

    /** A path parameter, decoded, checked as a name ({@link Names}). */
    public String pathName(String parameter, String what) {
        return Names.require(request.path().pathParameters().get(parameter), what);
    }

    public String pathParameter(String parameter) {
        return request.path().pathParameters().get(parameter);
    }

    public Optional<String> query(String name) {
        return queryParameters().first(name);
    }

    public List<String> queryAll(String name) {
        return queryParameters().all(name);
    }

    /** @throws ApiProblem 400 when missing */
    public String requiredQuery(String name) {
        return query(name)
                .filter(value -> !value.isBlank())
                .orElseThrow(() -> ApiProblem.badRequest("the query parameter '" + name + "' is required"));
    }

    /** An integer query parameter within bounds, or the default when absent. */
    public int queryInt(String name, int defaultValue, int min, int max) {
        Optional<String> value = query(name);
        if (value.isEmpty() || value.get().isBlank()) {
            return defaultValue;
        }
        try {
            int parsed = Integer.parseInt(value.get().strip());
            if (parsed < min || parsed > max) {
                throw ApiProblem.badRequest(
                        "the query parameter '" + name + "' must be between " + min + " and " + max);
            }
            return parsed;
        } catch (NumberFormatException e) {
            throw ApiProblem.badRequest("the query parameter '" + name + "' must be an integer");
        }
    }

    private QueryParameters queryParameters() {
        if (query == null) {
            query = QueryParameters.parse(request.query().rawValue());
        }
        return query;
    }

    /**
     * The body, refused before a byte is read when its declared type is not one of {@code mediaTypes} (415;
     * an absent type is accepted when {@code typeOptional}) or its declared length is over {@code limit}
     * (413); a chunked body is read only up to the limit.
     */
    public byte[] body(Set<String> mediaTypes, boolean typeOptional, long limit) {
        Optional<HttpMediaType> type = request.headers().contentType();
        if (type.isEmpty() && !typeOptional) {
            throw new ApiProblem(
                    Status.UNSUPPORTED_MEDIA_TYPE_415,
                    "Content-Type is required; use " + String.join(" or ", mediaTypes));
        }
        if (type.isPresent()
                && !mediaTypes.contains(type.get().mediaType().text().toLowerCase(Locale.ROOT))) {
            throw new ApiProblem(
                    Status.UNSUPPORTED_MEDIA_TYPE_415,
                    "unsupported Content-Type " + type.get().mediaType().text() + "; use "
                            + String.join(" or ", mediaTypes.stream().sorted().toList()));
        }
        OptionalLong declared = request.headers().contentLength();
        if (declared.isPresent() && declared.getAsLong() > limit) {
            if (declared.getAsLong() <= REFUSED_BODY_DISCARD_LIMIT) {
                discardRest();
            }
            throw tooLarge(limit);
        }
        try (InputStream input = request.content().inputStream()) {
            try {
                return BoundedInput.readAll(input, limit, "request body");
            } catch (InputTooLargeException e) {
                discard(input);
            }
        } catch (RequestException e) {
            if (e.status().code() == Status.REQUEST_ENTITY_TOO_LARGE_413_CODE) {
                throw tooLarge(limit);
            }
            throw unreadable();
        } catch (IOException | RuntimeException e) {
            // A malformed chunked encoding or a connection cut mid-body: the client's fault. The exception's
            // text is the HTTP stack's, nothing to show a client.
            throw unreadable();
        }
        throw tooLarge(limit);
    }

    /**
     * A document upload (an SBOM, a SARIF report): the body as sent, at most the upload limit, possibly
     * gzip-compressed (the caller decompresses by content, see {@link BoundedInput#gunzipIfCompressed}).
     * A {@code Content-Encoding} other than gzip is refused (415) rather than stored as garbage.
     *
     * @param what the document, as the error for an empty body names it ("the SBOM document")
     */
    public byte[] upload(Set<String> mediaTypes, String what) {
        Optional<String> encoding = request.headers()
                .first(HeaderNames.CONTENT_ENCODING)
                .map(value -> value.strip().toLowerCase(Locale.ROOT));
        if (encoding.isPresent() && !Set.of("gzip", "x-gzip", "identity").contains(encoding.get())) {
            throw new ApiProblem(
                    Status.UNSUPPORTED_MEDIA_TYPE_415,
                    "unsupported Content-Encoding " + encoding.get() + "; send " + what + " plain or gzip-compressed");
        }
        byte[] body = body(mediaTypes, true, limits.maxUploadBytes());
        if (body.length == 0) {
            throw ApiProblem.badRequest("the request body is empty; send " + what);
        }
        return body;
    }

    /** A JSON object body (application/json, at most the JSON limit). */
    public JsonNode jsonBody() {
        byte[] body = body(Set.of("application/json"), false, limits.maxJsonBytes());
        try {
            JsonNode node = JSON.readTree(body);
            if (node == null || !node.isObject()) {
                throw ApiProblem.badRequest("the request body must be a JSON object");
            }
            return node;
        } catch (JacksonException e) {
            throw ApiProblem.badRequest("the request body is not valid JSON " + JsonErrors.describe(e));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A required string field of a JSON body. */
    public static String requiredText(JsonNode body, String field) {
        JsonNode value = body.get(field);
        if (value == null || !value.isTextual() || value.asText().isBlank()) {
            throw ApiProblem.badRequest("the field '" + field + "' is required and must be a string");
        }
        return value.asText();
    }

    /** Answers with {@code body} as JSON (records, maps, lists). */
    public void respond(Status status, Object body) {
        byte[] bytes;
        try {
            bytes = JSON.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("response not serializable", e);
        }
        response.status(status);
        response.header(HeaderNames.CONTENT_TYPE, "application/json");
        response.send(bytes);
    }

    /**
     * Reads and drops what is left of a refused body, up to {@link #REFUSED_BODY_DISCARD_LIMIT}. The 413
     * closes the connection, and a socket closed with unread bytes is reset by the kernel: a client still
     * sending its body then sees "connection reset" instead of the answer. Reading a bounded rest first
     * (what web servers call a lingering close) lets ordinary oversized uploads get their 413; beyond the
     * bound the connection is cut, as before.
     */
    private void discardRest() {
        try (InputStream input = request.content().inputStream()) {
            discard(input);
        } catch (IOException | RuntimeException e) {
            // the client went away or sent a broken body: nothing left to be polite to
        }
    }

    private static void discard(InputStream input) {
        try {
            byte[] buffer = new byte[16 * 1024];
            long discarded = 0;
            int read;
            while (discarded < REFUSED_BODY_DISCARD_LIMIT && (read = input.read(buffer)) >= 0) {
                discarded += read;
            }
        } catch (IOException | RuntimeException e) {
            // as above
        }
    }

    private ApiProblem tooLarge(long limit) {
        // Closing the connection is what keeps refusing cheap: past REFUSED_BODY_DISCARD_LIMIT the rest of the
        // body is never read.
        response.header(HeaderNames.CONNECTION, "close");
        return new ApiProblem(
                Status.REQUEST_ENTITY_TOO_LARGE_413,
                "the request body is larger than the limit of " + limit + " bytes");
    }

    private ApiProblem unreadable() {
        response.header(HeaderNames.CONNECTION, "close");
        return ApiProblem.badRequest("cannot read the request body: malformed or incomplete");
    }
}
