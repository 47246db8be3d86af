package dev.assay.server.portfolio.api;

import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.ServerResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** The API's OpenAPI 3.1 description, a file in the jar served as it is. */
final class OpenApiDocument {
    static final String RESOURCE = "/openapi/assay-api-v1.json";

    private final byte[] content;

    private OpenApiDocument(byte[] content) {
        this.content = content;
    }

    static OpenApiDocument load() {
        try (InputStream input = OpenApiDocument.class.getResourceAsStream(RESOURCE)) {
            if (input == null) {
                throw new IllegalStateException("the jar lacks " + RESOURCE);
            }
            return new OpenApiDocument(input.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    void send(ServerResponse response) {
        response.header(HeaderNames.CONTENT_TYPE, "application/json");
        response.send(content);
    }
}
