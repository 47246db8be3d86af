package dev.assay.server.portfolio.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.assay.server.AssayServer;
import dev.assay.server.portfolio.store.PortfolioDatabase;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The OpenAPI file describes every endpoint the server registers, and the whole contract of issue 6. */
class OpenApiDocumentTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The endpoints of the REST contract, including those other route groups provide. */
    private static final List<String> CONTRACT = List.of(
            "post /api/v1/sboms",
            "get /api/v1/projects",
            "get /api/v1/projects/{project}",
            "get /api/v1/projects/{project}/versions/{version}/components",
            "get /api/v1/projects/{project}/versions/{version}/findings",
            "get /api/v1/vulnerabilities/{id}",
            "get /api/v1/impact",
            "get /api/v1/overview",
            "post /api/v1/triage",
            "get /api/v1/findings/{id}/history",
            "get /api/v1/projects/{project}/versions/{version}/vex",
            "post /api/v1/projects/{project}/versions/{version}/policy-results",
            "get /api/v1/projects/{project}/versions/{version}/policy-results",
            "post /api/v1/images",
            "get /api/v1/status",
            "post /api/v1/webhooks",
            "get /api/v1/webhooks",
            "get /api/v1/audit",
            "get /openapi.json",
            "get /metrics",
            "get /healthz",
            "get /readyz");

    @TempDir
    Path dataDir;

    static JsonNode document() throws IOException {
        try (InputStream input = OpenApiDocumentTest.class.getResourceAsStream(OpenApiDocument.RESOURCE)) {
            assertThat(input).as(OpenApiDocument.RESOURCE).isNotNull();
            return JSON.readTree(input);
        }
    }

    @Test
    void document_isOpenApi31WithEveryReferenceResolved() throws IOException {
        JsonNode document = document();

        assertThat(document.path("openapi").asText()).matches("3\\.1\\.\\d+");
        assertThat(document.path("info").path("title").asText()).isNotBlank();
        assertThat(document.path("info").path("version").asText()).isNotBlank();
        List<String> references = new ArrayList<>();
        collectReferences(document, references);
        assertThat(references).isNotEmpty();
        for (String reference : references) {
            assertThat(reference).startsWith("#/");
            assertThat(document.at(reference.substring(1)).isMissingNode())
                    .as("unresolved " + reference)
                    .isFalse();
        }
        document.path("paths")
                .properties()
                .forEach(path -> path.getValue().properties().forEach(operation -> {
                    assertThat(operation.getValue().path("operationId").asText())
                            .as(path.getKey())
                            .isNotBlank();
                    assertThat(operation.getValue().path("responses").size())
                            .as(path.getKey())
                            .isPositive();
                }));
    }

    @Test
    void document_describesTheWholeContract() throws IOException {
        JsonNode paths = document().path("paths");
        for (String endpoint : CONTRACT) {
            String[] parts = endpoint.split(" ");
            assertThat(paths.path(parts[1]).has(parts[0])).as(endpoint).isTrue();
        }
    }

    @Test
    void document_describesEveryRegisteredRouteWithItsScope() throws IOException {
        JsonNode paths = document().path("paths");
        try (PortfolioDatabase database = PortfolioDatabase.embedded(dataDir)) {
            PortfolioFeature feature = PortfolioFeature.builder(database).build();
            AssayServer server = LoopbackPortfolio.start(feature);
            try {
                assertThat(feature.routes()).hasSizeGreaterThanOrEqualTo(7);
                for (ApiRoute route : feature.routes()) {
                    JsonNode operation = paths.path(ApiRouter.PREFIX + route.path())
                            .path(route.method().toLowerCase(Locale.ROOT));
                    assertThat(operation.isMissingNode()).as(route.toString()).isFalse();
                    assertThat(operation.path("x-assay-scope").asText())
                            .as(route.toString())
                            .isEqualTo(route.scope().label());
                }
            } finally {
                server.stop();
            }
        }
    }

    private static void collectReferences(JsonNode node, List<String> references) {
        if (node.isObject()) {
            node.properties().forEach(entry -> {
                if (entry.getKey().equals("$ref")) {
                    references.add(entry.getValue().asText());
                } else {
                    collectReferences(entry.getValue(), references);
                }
            });
        } else if (node.isArray()) {
            node.forEach(child -> collectReferences(child, references));
        }
    }
}
