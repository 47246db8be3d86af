package dev.assay.server.dashboard;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.assay.server.ServerFeature;
import dev.assay.server.metrics.Metrics;
import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A stand-in for the portfolio REST API, used only until the real API is merged: fixed JSON shaped
 * exactly as the contract of issue 6 ({@code src/test/resources/dashboard-contract/}), Bearer keys with
 * the contract's 401/403 answers, and every request captured so tests can check what the dashboard sent.
 * Triage changes the served findings the way the contract describes (a decision suppresses the findings
 * in its scope), so the page's reaction to a decision can be tested.
 */
final class ContractFixtureFeature implements ServerFeature {
    /** A key with every scope. */
    static final String FULL_KEY = "assay_fixture_full_key";
    /** A key with the read scope only: triage answers 403. */
    static final String READ_KEY = "assay_fixture_read_key";

    static final String PROJECT = "shop";
    static final String VERSION = "1.2";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> STATES = Set.of("not_affected", "affected", "fixed", "under_investigation");
    private static final Set<String> SUPPRESSING = Set.of("not_affected", "fixed");
    private static final Set<String> SCOPES = Set.of("finding", "project", "purl");

    /** One API request as the fixture received it. */
    record Captured(String method, String path, Map<String, List<String>> query, String authorization, String body) {
        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (JsonProcessingException e) {
                throw new AssertionError("request body is not JSON: " + body, e);
            }
        }
    }

    private final List<Captured> requests = new CopyOnWriteArrayList<>();
    private final AtomicBoolean keysRevoked = new AtomicBoolean();
    private final AtomicInteger decisions = new AtomicInteger();
    private final Set<String> broken = ConcurrentHashMap.newKeySet();
    private volatile ArrayNode findings = findingsTemplate();

    @Override
    public String name() {
        return "contract-fixture";
    }

    @Override
    public long maxRequestBytes() {
        return 64 * 1024;
    }

    /** Back to the fixed data, no captured requests, keys valid. */
    void reset() {
        requests.clear();
        keysRevoked.set(false);
        broken.clear();
        findings = findingsTemplate();
    }

    /** From now on GET requests to this path fail with 500, as an endpoint that is not merged yet or down. */
    void breakEndpoint(String path) {
        broken.add(path);
    }

    /** From now on every key is refused with 401, as after a revocation. */
    void revokeKeys() {
        keysRevoked.set(true);
    }

    List<Captured> requests() {
        return List.copyOf(requests);
    }

    List<Captured> requests(String method, String path) {
        return requests.stream()
                .filter(request ->
                        request.method().equals(method) && request.path().equals(path))
                .toList();
    }

    @Override
    public void routing(HttpRouting.Builder routing, Metrics metrics) {
        routing.get("/api/v1/overview", (request, response) -> read(request, response, () -> resource("overview")));
        routing.get("/api/v1/projects", (request, response) -> read(request, response, () -> resource("projects")));
        routing.get(
                "/api/v1/projects/{project}",
                (request, response) -> read(request, response, () -> {
                    String project = request.path().pathParameters().get("project");
                    if (project.equals(PROJECT)) {
                        return resource("project-shop");
                    }
                    if (project.contains("<img")) {
                        ObjectNode other = JSON.createObjectNode().put("name", project);
                        other.putArray("versions");
                        return other;
                    }
                    return null;
                }));
        routing.get(
                "/api/v1/projects/{project}/versions/{version}/findings",
                (request, response) ->
                        read(request, response, () -> isShopVersion(request) ? findingsResponse() : null));
        routing.get(
                "/api/v1/projects/{project}/versions/{version}/components",
                (request, response) ->
                        read(request, response, () -> isShopVersion(request) ? components(request) : null));
        routing.get(
                "/api/v1/projects/{project}/versions/{version}/vex",
                (request, response) -> read(request, response, () -> isShopVersion(request) ? vex(request) : null));
        routing.get(
                "/api/v1/vulnerabilities/{id}",
                (request, response) -> read(request, response, () -> {
                    String id = request.path().pathParameters().get("id");
                    return Set.of("CVE-2021-44228", "GHSA-jfh8-c2jp-5v3q").contains(id)
                            ? resource("vulnerability-CVE-2021-44228")
                            : null;
                }));
        routing.get(
                "/api/v1/impact",
                (request, response) -> read(request, response, () -> {
                    ObjectNode impact = (ObjectNode) resource("impact");
                    ObjectNode query = JSON.createObjectNode();
                    for (String name : List.of("purl", "range", "vulnerability")) {
                        if (request.query().contains(name)) {
                            query.put(name, request.query().get(name));
                        }
                    }
                    impact.set("query", query);
                    return impact;
                }));
        routing.get(
                "/api/v1/findings/{id}/history",
                (request, response) -> read(request, response, () -> {
                    long id = Long.parseLong(request.path().pathParameters().get("id"));
                    ArrayNode entries = JSON.createArrayNode();
                    for (JsonNode finding : findings) {
                        JsonNode analysis = finding.get("analysis");
                        if (finding.get("id").asLong() == id && analysis != null && !analysis.isNull()) {
                            // The fixture keeps the current decision only; the real history keeps every one.
                            entries.add(analysis);
                        }
                    }
                    ObjectNode history = JSON.createObjectNode();
                    history.set("history", entries);
                    return history;
                }));
        routing.post("/api/v1/triage", this::triage);
    }

    private boolean isShopVersion(ServerRequest request) {
        return request.path().pathParameters().get("project").equals(PROJECT)
                && request.path().pathParameters().get("version").equals(VERSION);
    }

    private interface Body {
        JsonNode get() throws IOException;
    }

    private void read(ServerRequest request, ServerResponse response, Body body) throws IOException {
        capture(request, "");
        if (authorize(request, response, false)) {
            if (broken.contains(request.path().path())) {
                error(response, Status.INTERNAL_SERVER_ERROR_500, "broken on purpose by the test");
                return;
            }
            JsonNode json = body.get();
            if (json == null) {
                error(
                        response,
                        Status.NOT_FOUND_404,
                        "not found: " + request.path().path());
            } else {
                send(response, Status.OK_200, json);
            }
        }
    }

    private void triage(ServerRequest request, ServerResponse response) throws IOException {
        String text = request.content().as(String.class);
        capture(request, text);
        if (!authorize(request, response, true)) {
            return;
        }
        JsonNode body;
        try {
            body = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            error(response, Status.BAD_REQUEST_400, "the body is not JSON");
            return;
        }
        Optional<String> invalid = invalidTriage(body);
        if (invalid.isPresent()) {
            error(response, Status.BAD_REQUEST_400, invalid.get());
            return;
        }
        apply(body);
        ObjectNode created = JSON.createObjectNode().put("id", decisions.incrementAndGet());
        created.setAll((ObjectNode) body);
        send(response, Status.CREATED_201, created);
    }

    private static Optional<String> invalidTriage(JsonNode body) {
        if (!body.path("vulnerability").isTextual()) {
            return Optional.of("vulnerability is required");
        }
        String scope = body.path("scope").asText("");
        if (!SCOPES.contains(scope)) {
            return Optional.of("scope must be finding, project or purl");
        }
        if (!STATES.contains(body.path("state").asText(""))) {
            return Optional.of("unknown state");
        }
        if (body.path("state").asText().equals("not_affected")
                && !body.path("justification").isTextual()) {
            return Optional.of("not_affected needs a justification");
        }
        return switch (scope) {
            case "finding" ->
                body.path("findingId").isIntegralNumber()
                        ? Optional.empty()
                        : Optional.of("findingId is required for scope finding");
            case "project" ->
                body.path("project").isTextual()
                        ? Optional.empty()
                        : Optional.of("project is required for scope project");
            default ->
                body.path("purl").isTextual() ? Optional.empty() : Optional.of("purl is required for scope purl");
        };
    }

    /** Records the decision on every served finding in its scope, as the real server would. */
    private void apply(JsonNode body) {
        ArrayNode updated = findings.deepCopy();
        String scope = body.get("scope").asText();
        for (JsonNode node : updated) {
            ObjectNode finding = (ObjectNode) node;
            boolean inScope = switch (scope) {
                case "finding" ->
                    finding.get("id").asLong() == body.get("findingId").asLong();
                case "project" ->
                    finding.get("vulnerability")
                            .asText()
                            .equals(body.get("vulnerability").asText());
                default ->
                    finding.at("/component/purl")
                                    .asText()
                                    .startsWith(body.get("purl").asText() + "@")
                            && finding.get("vulnerability")
                                    .asText()
                                    .equals(body.get("vulnerability").asText());
            };
            if (inScope) {
                ObjectNode analysis = JSON.createObjectNode();
                analysis.put("state", body.get("state").asText());
                analysis.set(
                        "justification", body.path("justification").isMissingNode() ? null : body.get("justification"));
                analysis.set("comment", body.path("comment").isMissingNode() ? null : body.get("comment"));
                analysis.put("author", "fixture-user");
                analysis.put("at", "2026-12-04T10:00:00Z");
                analysis.put("scope", scope);
                finding.set("analysis", analysis);
                finding.put("suppressed", SUPPRESSING.contains(body.get("state").asText()));
            }
        }
        findings = updated;
    }

    private JsonNode findingsResponse() {
        ObjectNode response = JSON.createObjectNode();
        response.set("findings", findings.deepCopy());
        return response;
    }

    private static JsonNode components(ServerRequest request) throws IOException {
        JsonNode all = resource("components-shop-1.2");
        String filter = request.query().contains("q") ? request.query().get("q").toLowerCase(Locale.ROOT) : "";
        int offset = request.query().contains("offset")
                ? Integer.parseInt(request.query().get("offset"))
                : 0;
        int limit = request.query().contains("limit")
                ? Integer.parseInt(request.query().get("limit"))
                : 100;
        List<JsonNode> matching = new ArrayList<>();
        for (JsonNode component : all.get("components")) {
            if (component.get("name").asText().toLowerCase(Locale.ROOT).contains(filter)
                    || component.get("purl").asText().toLowerCase(Locale.ROOT).contains(filter)) {
                matching.add(component);
            }
        }
        ObjectNode page = JSON.createObjectNode().put("total", matching.size());
        ArrayNode list = page.putArray("components");
        matching.stream().skip(offset).limit(limit).forEach(list::add);
        return page;
    }

    private static JsonNode vex(ServerRequest request) {
        String format = request.query().contains("format") ? request.query().get("format") : "openvex";
        ObjectNode document = JSON.createObjectNode();
        if (format.equals("cyclonedx")) {
            document.put("bomFormat", "CycloneDX").put("specVersion", "1.6");
            document.putArray("vulnerabilities");
        } else {
            document.put("@context", "https://openvex.dev/ns/v0.2.0").put("@id", "urn:fixture");
            document.putArray("statements");
        }
        return document;
    }

    private boolean authorize(ServerRequest request, ServerResponse response, boolean triage) {
        String authorization =
                request.headers().first(HeaderNames.AUTHORIZATION).orElse("");
        if (!authorization.startsWith("Bearer ")) {
            error(response, Status.UNAUTHORIZED_401, "missing API key");
            return false;
        }
        String key = authorization.substring("Bearer ".length());
        if (keysRevoked.get() || !(key.equals(FULL_KEY) || key.equals(READ_KEY))) {
            error(response, Status.UNAUTHORIZED_401, "unknown or revoked API key");
            return false;
        }
        if (triage && !key.equals(FULL_KEY)) {
            error(response, Status.FORBIDDEN_403, "the key lacks the triage scope");
            return false;
        }
        return true;
    }

    private void capture(ServerRequest request, String body) {
        Map<String, List<String>> query = new java.util.TreeMap<>();
        for (String name : request.query().names()) {
            query.put(name, request.query().all(name));
        }
        requests.add(new Captured(
                request.prologue().method().text(),
                request.path().path(),
                query,
                request.headers().first(HeaderNames.AUTHORIZATION).orElse(null),
                body));
    }

    private static void error(ServerResponse response, Status status, String message) {
        send(response, status, JSON.createObjectNode().put("error", message).put("status", status.code()));
    }

    private static void send(ServerResponse response, Status status, JsonNode body) {
        response.status(status);
        response.header(HeaderNames.CONTENT_TYPE, "application/json");
        try {
            response.send(JSON.writeValueAsBytes(body));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ArrayNode findingsTemplate() {
        try {
            return (ArrayNode) resource("findings-shop-1.2").get("findings");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode resource(String name) throws IOException {
        String path = "/dashboard-contract/" + name + ".json";
        try (InputStream input = ContractFixtureFeature.class.getResourceAsStream(path)) {
            if (input == null) {
                throw new IOException("missing contract fixture " + path);
            }
            return JSON.readTree(new String(input.readAllBytes(), StandardCharsets.UTF_8));
        }
    }
}
