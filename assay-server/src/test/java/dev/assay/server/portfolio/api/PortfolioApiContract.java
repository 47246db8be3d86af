package dev.assay.server.portfolio.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.assay.server.AssayServer;
import dev.assay.server.portfolio.api.ApiClient.Answer;
import dev.assay.server.portfolio.auth.ApiKeys;
import dev.assay.server.portfolio.auth.Scope;
import dev.assay.server.portfolio.store.PortfolioDatabase;
import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The REST API over real HTTP on loopback, against every supported database (one subclass each): what a
 * client sends and sees, errors included.
 */
abstract class PortfolioApiContract {
    static final String APP = "pkg:maven/com.acme/shop@1.4.0";
    static final String LOG4J = "pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1";
    static final String LOG4J_API = "pkg:maven/org.apache.logging.log4j/log4j-api@2.14.1";
    static final String JACKSON = "pkg:maven/com.fasterxml.jackson.core/jackson-databind@2.15.0";
    static final long UPLOAD_LIMIT = 256 * 1024;

    PortfolioDatabase database;
    AssayServer server;
    ApiClient client;
    ApiKeys keys;
    String admin;
    String reader;
    String uploader;
    String triager;

    abstract PortfolioDatabase openFreshDatabase();

    PortfolioFeature.Builder feature(PortfolioDatabase database) {
        return PortfolioFeature.builder(database)
                .limits(new ApiLimits(UPLOAD_LIMIT, 8 * 1024))
                .serverVersion("9.9.9-test");
    }

    @BeforeEach
    void start() {
        database = openFreshDatabase();
        keys = new ApiKeys(database, Clock.systemUTC());
        admin = keys.create("admin", EnumSet.of(Scope.ADMIN), "test").secret();
        reader = keys.create("dashboard", EnumSet.of(Scope.READ), "test").secret();
        uploader = keys.create("ci", EnumSet.of(Scope.UPLOAD), "test").secret();
        triager = keys.create("security", EnumSet.of(Scope.TRIAGE, Scope.READ), "test")
                .secret();
        startServer(feature(database).build());
    }

    void startServer(PortfolioFeature feature) {
        if (server != null) {
            server.stop();
        }
        server = LoopbackPortfolio.start(feature);
        client = new ApiClient(server.url());
    }

    @AfterEach
    void stop() {
        LoopbackPortfolio.stop(server, client);
        database.close();
    }

    Answer upload(String project, String version, String document) {
        return client.post(
                "/api/v1/sboms?project=" + project + "&version=" + version,
                uploader,
                "application/vnd.cyclonedx+json",
                Sboms.bytes(document));
    }

    static void assertError(Answer answer, int status, String... fragments) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(status);
        JsonNode json = answer.json();
        assertThat(json.path("status").asInt()).isEqualTo(status);
        for (String fragment : fragments) {
            assertThat(json.path("error").asText()).contains(fragment);
        }
        assertThat(answer.body()).doesNotContain("Exception", "\tat ", "java.");
    }

    @Test
    void upload_newThenSameThenDifferent_createdUnchangedReplaced() {
        String first = Sboms.cyclonedx(APP, List.of(LOG4J, LOG4J_API));
        Answer created = client.post(
                "/api/v1/sboms?project=shop&version=1.4.0&tag=prod&tag=eu",
                uploader,
                "application/json",
                Sboms.bytes(first));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        JsonNode json = created.json();
        assertThat(json.path("project").asText()).isEqualTo("shop");
        assertThat(json.path("version").asText()).isEqualTo("1.4.0");
        assertThat(json.path("outcome").asText()).isEqualTo("CREATED");
        assertThat(json.path("components").asInt()).isEqualTo(3);
        assertThat(json.path("dependencyEdges").asInt()).isEqualTo(2);
        assertThat(json.path("sbomSha256").asText()).hasSize(64);
        assertThat(json.path("findings").asInt()).isZero();

        Answer again = upload("shop", "1.4.0", first);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().path("outcome").asText()).isEqualTo("UNCHANGED");

        Answer replaced = upload("shop", "1.4.0", Sboms.cyclonedx(APP, List.of(JACKSON)));
        assertThat(replaced.status()).isEqualTo(200);
        assertThat(replaced.json().path("outcome").asText()).isEqualTo("REPLACED");
        assertThat(replaced.json().path("components").asInt()).isEqualTo(2);
    }

    @Test
    void upload_gzipByMagicOrContentEncoding_isAccepted() {
        byte[] gzip = Sboms.gzip(Sboms.bytes(Sboms.cyclonedx(APP, List.of(LOG4J))));
        Answer byMagic = client.post("/api/v1/sboms?project=shop&version=1", uploader, "application/gzip", gzip);
        assertThat(byMagic.status()).as(byMagic.body()).isEqualTo(201);

        Answer byHeader = client.send(client.request("/api/v1/sboms?project=shop&version=2", uploader)
                .header("Content-Type", "application/json")
                .header("Content-Encoding", "gzip")
                .POST(HttpRequest.BodyPublishers.ofByteArray(gzip))
                .build());
        assertThat(byHeader.status()).as(byHeader.body()).isEqualTo(201);
        assertThat(byHeader.json().path("components").asInt()).isEqualTo(2);
    }

    @Test
    void upload_malformedInputs_get400NamingTheProblem() {
        assertError(upload("shop", "1", "{\"bomFormat\":\"CycloneDX\",\"specVersion\":"), 400, "uploaded SBOM");
        assertError(upload("shop", "1", "{\"hello\":\"world\"}"), 400, "uploaded SBOM");
        assertError(
                client.post("/api/v1/sboms?project=shop&version=1", uploader, "application/gzip", new byte[] {
                    0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0, 0, 0, 1, 2, 3
                }),
                400,
                "gzip");
        assertError(
                client.post("/api/v1/sboms?project=shop&version=1", uploader, "application/json", new byte[0]),
                400,
                "empty");
        assertError(
                client.post("/api/v1/sboms?version=1", uploader, "application/json", Sboms.bytes("{}")),
                400,
                "'project' is required");
        // Nothing of a refused upload is stored.
        assertThat(client.get("/api/v1/projects", reader)
                        .json()
                        .path("projects")
                        .size())
                .isZero();
    }

    @Test
    void upload_xmlWithExternalEntity_isRefusedWithoutReadingTheFile() {
        String xxe = """
                <?xml version="1.0"?>
                <!DOCTYPE bom [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
                <bom xmlns="http://cyclonedx.org/schema/bom/1.6" version="1">
                  <components><component type="library"><name>&secret;</name><version>1</version>
                  <purl>pkg:npm/x@1</purl></component></components>
                </bom>
                """;
        Answer answer =
                client.post("/api/v1/sboms?project=shop&version=1", uploader, "application/xml", Sboms.bytes(xxe));

        assertThat(answer.status()).as(answer.body()).isEqualTo(400);
        assertThat(answer.body()).doesNotContain("root:");
        assertThat(client.get("/api/v1/projects", reader)
                        .json()
                        .path("projects")
                        .size())
                .isZero();
    }

    @Test
    void upload_tooLargeDeclaredOrChunked_gets413() {
        byte[] big = Sboms.bytes(Sboms.generated(APP, 1800, 1));
        assertThat((long) big.length).isBetween(UPLOAD_LIMIT, 2 * UPLOAD_LIMIT);
        assertError(
                client.post("/api/v1/sboms?project=shop&version=1", uploader, "application/json", big), 413, "limit");

        Answer chunked = client.send(client.request("/api/v1/sboms?project=shop&version=1", uploader)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(big)))
                .build());
        assertError(chunked, 413, "limit");
        assertThat(client.get("/api/v1/projects", reader)
                        .json()
                        .path("projects")
                        .size())
                .isZero();
    }

    @Test
    void upload_gzipBomPastTheLimit_gets413() {
        byte[] zeros = new byte[(int) UPLOAD_LIMIT * 8];
        byte[] bomb = Sboms.gzip(zeros);
        assertThat((long) bomb.length).isLessThan(UPLOAD_LIMIT);
        assertError(client.post("/api/v1/sboms?project=shop&version=1", uploader, "application/gzip", bomb), 413);
    }

    @Test
    void upload_unsupportedMediaTypeOrEncoding_gets415() {
        byte[] document = Sboms.bytes(Sboms.cyclonedx(APP, List.of(LOG4J)));
        assertError(
                client.post("/api/v1/sboms?project=shop&version=1", uploader, "text/plain", document),
                415,
                "Content-Type");
        assertError(
                client.post(
                        "/api/v1/sboms?project=shop&version=1",
                        uploader,
                        "application/x-www-form-urlencoded",
                        document),
                415);
        Answer brotli = client.send(client.request("/api/v1/sboms?project=shop&version=1", uploader)
                .header("Content-Type", "application/json")
                .header("Content-Encoding", "br")
                .POST(HttpRequest.BodyPublishers.ofByteArray(document))
                .build());
        assertError(brotli, 415, "Content-Encoding");
    }

    @Test
    void upload_hostileNames_getA400() {
        String document = Sboms.cyclonedx(APP, List.of(LOG4J));
        assertError(upload("..", "1", document), 400, "project");
        assertError(upload("..%2F..%2Fetc", "1", document), 400, "'/'");
        assertError(upload("shop", "1%0Ainjected", document), 400, "control characters");
        assertError(upload("shop", "x".repeat(300), document), 400, "longer than");
        assertError(upload("shop", "%FF%FE", document), 400, "UTF-8");
    }

    @Test
    void authentication_missingUnknownRevokedOrWrongScope_get401Or403() {
        String document = Sboms.cyclonedx(APP, List.of(LOG4J));
        assertError(client.get("/api/v1/projects", null), 401, "missing API key");
        assertThat(client.get("/api/v1/projects", null).header("WWW-Authenticate"))
                .startsWith("Bearer");
        assertError(client.get("/api/v1/projects", "assay_000000000000_" + "0".repeat(64)), 401, "unknown or revoked");
        assertError(client.get("/api/v1/projects", "nonsense"), 401);
        Answer basic = client.send(client.request("/api/v1/projects", null)
                .header("Authorization", "Basic YWRtaW46YWRtaW4=")
                .build());
        assertError(basic, 401, "Bearer");
        // A key whose secret differs in one character: same prefix, different hash.
        String tampered = reader.substring(0, reader.length() - 1) + (reader.endsWith("0") ? "1" : "0");
        assertError(client.get("/api/v1/projects", tampered), 401);

        assertError(
                client.post("/api/v1/sboms?project=shop&version=1", reader, "application/json", Sboms.bytes(document)),
                403,
                "'dashboard' lacks the scope 'upload'");
        assertError(client.get("/api/v1/projects", uploader), 403, "read");
        assertThat(client.get("/api/v1/projects", admin).status()).isEqualTo(200);
        assertThat(client.get("/api/v1/projects", triager).status()).isEqualTo(200);
        assertError(client.get("/api/v1/audit", reader), 403, "admin");

        assertThat(keys.revoke("dashboard", "test")).isTrue();
        assertError(client.get("/api/v1/projects", reader), 401, "unknown or revoked");
    }

    @Test
    void authentication_metricsAndOpenApiNeedRead_healthIsOpen() {
        assertError(client.get("/metrics", null), 401);
        assertError(client.get("/metrics", uploader), 403, "read");
        assertThat(client.get("/metrics", reader).status()).isEqualTo(200);
        assertError(client.get("/openapi.json", null), 401);
        Answer openApi = client.get("/openapi.json", reader);
        assertThat(openApi.status()).isEqualTo(200);
        assertThat(openApi.json().path("openapi").asText()).startsWith("3.1");
        assertThat(client.get("/healthz", null).status()).isEqualTo(200);
        assertThat(client.get("/readyz", null).status()).isEqualTo(200);
        assertError(client.get("/api/v1/nothing-here", reader), 404, "no such endpoint");
    }

    @Test
    void publicMetrics_openOnlyMetrics_theApiAndItsDocumentStillNeedAKey() {
        startServer(feature(database).publicMetrics(true).build());

        Answer metrics = client.get("/metrics", null);
        assertThat(metrics.status()).isEqualTo(200);
        assertThat(metrics.body()).contains("# TYPE");
        assertError(client.get("/openapi.json", null), 401);
        assertError(client.get("/api/v1/projects", null), 401);
    }

    @Test
    void authentication_recordsLastUse() {
        assertThat(keys.list().stream()
                        .filter(k -> k.name().equals("dashboard"))
                        .findFirst()
                        .orElseThrow()
                        .lastUsedAt())
                .isEmpty();
        client.get("/api/v1/projects", reader);
        assertThat(keys.list().stream()
                        .filter(k -> k.name().equals("dashboard"))
                        .findFirst()
                        .orElseThrow()
                        .lastUsedAt())
                .isPresent();
    }

    @Test
    void projects_listDetailAndComponents_answerAsTheContractSays() {
        client.post(
                "/api/v1/sboms?project=shop&version=1.4.0&tag=prod",
                uploader,
                "application/json",
                Sboms.bytes(Sboms.cyclonedx(APP, List.of(LOG4J, LOG4J_API, JACKSON))));
        upload("shop", "1.3.0", Sboms.cyclonedx("pkg:maven/com.acme/shop@1.3.0", List.of(JACKSON)));
        upload("billing", "7", Sboms.cyclonedx("pkg:npm/billing@7", List.of("pkg:npm/left-pad@1.3.0")));
        insertFinding("shop", "1.4.0", LOG4J, "CVE-2021-44228", "CRITICAL");
        insertFinding("shop", "1.4.0", LOG4J_API, "CVE-2021-45046", "high");

        JsonNode projects = client.get("/api/v1/projects", reader).json().path("projects");
        assertThat(projects.size()).as(projects.toString()).isEqualTo(2);
        assertThat(projects.get(1).path("name").asText())
                .as(projects.toString())
                .isEqualTo("shop");
        JsonNode shop = projects.get(1);
        assertThat(shop.path("name").asText()).isEqualTo("shop");
        assertThat(shop.path("versions").asInt()).isEqualTo(2);
        assertThat(shop.path("latestVersion").asText()).isEqualTo("1.3.0");
        assertThat(OffsetDateTime.parse(shop.path("updatedAt").asText())).isNotNull();
        assertThat(shop.path("findings").path("critical").asInt()).isEqualTo(1);
        assertThat(shop.path("findings").path("high").asInt()).isEqualTo(1);
        assertThat(shop.path("findings").path("unknown").asInt()).isZero();

        client.postJson(
                "/api/v1/images",
                uploader,
                "{\"digest\":\"sha256:" + "a".repeat(64)
                        + "\",\"repository\":\"registry.example.com/acme/shop\",\"project\":\"shop\",\"version\":\"1.4.0\"}");
        JsonNode detail = client.get("/api/v1/projects/shop", reader).json();
        assertThat(detail.path("name").asText()).as(detail.toString()).isEqualTo("shop");
        JsonNode v14 = detail.path("versions").get(1);
        assertThat(v14.path("version").asText()).isEqualTo("1.4.0");
        assertThat(v14.path("tags").toString()).isEqualTo("[\"prod\"]");
        assertThat(v14.path("components").asInt()).isEqualTo(4);
        assertThat(v14.path("imageDigests").toString()).contains("sha256:aaaa");
        assertThat(v14.path("findings").path("critical").asInt()).isEqualTo(1);
        assertError(client.get("/api/v1/projects/nope", reader), 404, "no project named 'nope'");

        JsonNode all = client.get("/api/v1/projects/shop/versions/1.4.0/components", reader)
                .json();
        assertThat(all.path("total").asInt()).isEqualTo(4);
        JsonNode page = client.get("/api/v1/projects/shop/versions/1.4.0/components?offset=1&limit=2", reader)
                .json();
        assertThat(page.path("total").asInt()).isEqualTo(4);
        assertThat(page.path("components").size()).isEqualTo(2);
        assertThat(page.path("components").get(0).path("purl").asText()).isEqualTo(JACKSON);

        JsonNode log4j = client.get("/api/v1/projects/shop/versions/1.4.0/components?q=LOG4J", reader)
                .json();
        assertThat(log4j.path("total").asInt()).isEqualTo(2);
        JsonNode core = log4j.path("components").get(1);
        assertThat(core.path("purl").asText()).isEqualTo(LOG4J);
        assertThat(core.path("name").asText()).isEqualTo("log4j-core");
        assertThat(core.path("version").asText()).isEqualTo("2.14.1");
        assertThat(core.path("type").asText()).isEqualTo("maven");
        assertThat(core.path("licenses").toString()).isEqualTo("[\"Apache-2.0\"]");
        assertThat(core.path("direct").asBoolean()).isTrue();
        assertThat(log4j.path("components").get(0).path("direct").asBoolean()).isFalse();
        // LIKE wildcards in q are literal text.
        assertThat(client.get("/api/v1/projects/shop/versions/1.4.0/components?q=%25", reader)
                        .json()
                        .path("total")
                        .asInt())
                .isZero();
        assertThat(client.get("/api/v1/projects/shop/versions/1.4.0/components?q=_", reader)
                        .json()
                        .path("total")
                        .asInt())
                .isZero();

        assertError(client.get("/api/v1/projects/shop/versions/9/components", reader), 404, "no version '9'");
        assertError(client.get("/api/v1/projects/shop/versions/1.4.0/components?limit=0", reader), 400, "limit");
        assertError(client.get("/api/v1/projects/shop/versions/1.4.0/components?offset=x", reader), 400, "integer");
        assertError(client.get("/api/v1/projects/shop/versions/1.4.0/components?q=%C3%28", reader), 400, "UTF-8");
        assertThat(client.get("/api/v1/projects/..%2F..%2Fetc%2Fpasswd", reader).status())
                .isIn(400, 404);
    }

    @Test
    void images_linkValidatedAndIdempotent() {
        upload("shop", "1.4.0", Sboms.cyclonedx(APP, List.of(LOG4J)));
        String body = "{\"digest\":\"sha256:" + "b".repeat(64)
                + "\",\"repository\":\"reg.example/acme/shop\",\"project\":\"shop\",\"version\":\"1.4.0\"}";
        Answer created = client.postJson("/api/v1/images", uploader, body);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.json().path("created").asBoolean()).isTrue();
        assertThat(client.postJson("/api/v1/images", uploader, body).status()).isEqualTo(200);

        assertError(client.postJson("/api/v1/images", uploader, body.replace("1.4.0", "2.0")), 404, "no version '2.0'");
        assertError(client.postJson("/api/v1/images", uploader, body.replace("sha256:b", "sha256:B")), 400, "digest");
        assertError(client.postJson("/api/v1/images", uploader, "{\"digest\":"), 400, "not valid JSON");
        assertError(client.postJson("/api/v1/images", uploader, "[1,2]"), 400, "JSON object");
        assertError(client.postJson("/api/v1/images", uploader, "[".repeat(5000)), 400);
        assertError(client.postJson("/api/v1/images", uploader, "{\"a\":\"" + "x".repeat(10_000) + "\"}"), 413);
        assertError(client.post("/api/v1/images", uploader, "text/plain", Sboms.bytes(body)), 415, "Content-Type");
        assertError(client.postJson("/api/v1/images", reader, body), 403, "upload");
    }

    @Test
    void audit_everyWriteIsRecordedWithItsActor() {
        upload("shop", "1.4.0", Sboms.cyclonedx(APP, List.of(LOG4J)));
        client.postJson(
                "/api/v1/images",
                admin,
                "{\"digest\":\"sha256:" + "c".repeat(64)
                        + "\",\"repository\":\"reg.example/acme/shop\",\"project\":\"shop\",\"version\":\"1.4.0\"}");

        Answer answer = client.get("/api/v1/audit?limit=2", admin);
        assertThat(answer.status()).isEqualTo(200);
        JsonNode entries = answer.json().path("entries");
        assertThat(entries.size()).isEqualTo(2);
        assertThat(entries.get(0).path("actor").asText()).isEqualTo("admin");
        assertThat(entries.get(0).path("action").asText()).isEqualTo("image.link");
        assertThat(entries.get(0).path("subject").asText()).isEqualTo("shop@1.4.0");
        assertThat(entries.get(1).path("actor").asText()).isEqualTo("ci");
        assertThat(entries.get(1).path("action").asText()).isEqualTo("sbom.upload.created");
        long last = entries.get(1).path("id").asLong();
        JsonNode older =
                client.get("/api/v1/audit?before=" + last, admin).json().path("entries");
        assertThat(older)
                .allSatisfy(entry -> assertThat(entry.path("action").asText()).isEqualTo("key.create"));
        assertThat(older.size()).isEqualTo(4);
    }

    @Test
    void status_reportsVersionAndDialect() {
        JsonNode status = client.get("/api/v1/status", reader).json();
        assertThat(status.path("version").asText()).isEqualTo("9.9.9-test");
        assertThat(status.path("database").path("dialect").asText())
                .isEqualTo(database.dialect().name().toLowerCase(java.util.Locale.ROOT));
        assertThat(status.has("advisories")).isTrue();
    }

    @Test
    void cors_closedByDefault() {
        Answer preflight = client.send(client.request("/api/v1/projects", null)
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", "https://evil.example")
                .header("Access-Control-Request-Method", "GET")
                .build());
        assertError(preflight, 403, "cross-origin");
        Answer get = client.send(client.request("/api/v1/projects", reader)
                .header("Origin", "https://evil.example")
                .build());
        assertThat(get.status()).isEqualTo(200);
        assertThat(get.response().headers().map().keySet())
                .noneMatch(name -> name.toLowerCase(java.util.Locale.ROOT).startsWith("access-control-"));
    }

    @Test
    void cors_withAnOrigin_answersOnlyThatOrigin() {
        startServer(feature(database).corsOrigin("https://dash.example").build());
        Answer preflight = client.send(client.request("/api/v1/projects", null)
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", "https://dash.example")
                .header("Access-Control-Request-Method", "GET")
                .build());
        assertThat(preflight.status()).isEqualTo(204);
        assertThat(preflight.header("Access-Control-Allow-Origin")).isEqualTo("https://dash.example");
        assertThat(preflight.header("Access-Control-Allow-Headers")).contains("Authorization");
        Answer other = client.send(client.request("/api/v1/projects", null)
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", "https://evil.example")
                .build());
        assertThat(other.status()).isEqualTo(403);
        Answer get = client.send(client.request("/api/v1/projects", reader)
                .header("Origin", "https://dash.example")
                .build());
        assertThat(get.header("Access-Control-Allow-Origin")).isEqualTo("https://dash.example");
    }

    @Test
    void upload_fiftyConcurrentUploads_allSucceedAndAllAreStored() throws Exception {
        int uploads = 50;
        List<Future<Answer>> answers = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(uploads)) {
            for (int i = 0; i < uploads; i++) {
                // Five projects, ten versions each, 1,000 components: concurrent first uploads to one project.
                String project = "svc-" + (i % 5);
                String version = "1." + (i / 5);
                String document = Sboms.generated("pkg:npm/" + project + "@" + version, 1000, i);
                answers.add(pool.submit(() -> upload(project, version, document)));
            }
            for (Future<Answer> answer : answers) {
                assertThat(answer.get().status()).as(answer.get().body()).isEqualTo(201);
            }
        }
        JsonNode projects = client.get("/api/v1/projects", reader).json().path("projects");
        assertThat(projects.size()).isEqualTo(5);
        assertThat(projects)
                .allSatisfy(
                        project -> assertThat(project.path("versions").asInt()).isEqualTo(10));
        for (int i = 0; i < 5; i++) {
            JsonNode versions =
                    client.get("/api/v1/projects/svc-" + i, reader).json().path("versions");
            assertThat(versions)
                    .allSatisfy(version ->
                            assertThat(version.path("components").asInt()).isEqualTo(1001));
        }
    }

    void insertFinding(String project, String version, String purl, String vulnerability, String severity) {
        database.jdbi()
                .useHandle(handle -> handle.createUpdate("""
                        INSERT INTO findings (version_id, component_id, vulnerability_id, severity, first_seen)
                        SELECT c.version_id, c.id, :vuln, :severity, :now FROM components c
                        JOIN project_versions v ON v.id = c.version_id JOIN projects p ON p.id = v.project_id
                        WHERE p.name = :project AND v.version = :version AND c.purl = :purl""")
                        .bind("vuln", vulnerability)
                        .bind("severity", severity)
                        .bind("now", OffsetDateTime.now(ZoneOffset.UTC))
                        .bind("project", project)
                        .bind("version", version)
                        .bind("purl", purl)
                        .execute());
    }
}
