package dev.assay.server.portfolio.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.assay.server.AssayServer;
import dev.assay.server.portfolio.api.ApiClient.Answer;
import dev.assay.server.portfolio.auth.ApiKeys;
import dev.assay.server.portfolio.auth.Scope;
import dev.assay.server.portfolio.policy.AssaySarif;
import dev.assay.server.portfolio.store.PortfolioDatabase;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Policy results over the REST API on loopback, against every supported database: Assay's own SARIF of a
 * Kubernetes scan uploaded, replaced per tool, listed most severe first, and every refusal.
 */
abstract class PolicyResultsApiContract {
    static final String APP = "pkg:maven/com.acme/shop@1.4.0";
    static final String PATH = "/api/v1/projects/shop/versions/1.4.0/policy-results";
    static final long UPLOAD_LIMIT = 64 * 1024;

    PortfolioDatabase database;
    AssayServer server;
    ApiClient client;
    String admin;
    String reader;
    String uploader;

    abstract PortfolioDatabase openFreshDatabase();

    @BeforeEach
    void start() {
        database = openFreshDatabase();
        ApiKeys keys = new ApiKeys(database, Clock.systemUTC());
        admin = keys.create("admin", EnumSet.of(Scope.ADMIN), "test").secret();
        reader = keys.create("dashboard", EnumSet.of(Scope.READ), "test").secret();
        uploader = keys.create("ci", EnumSet.of(Scope.UPLOAD), "test").secret();
        server = LoopbackPortfolio.start(PortfolioFeature.builder(database)
                .limits(new ApiLimits(UPLOAD_LIMIT, 8 * 1024))
                .build());
        client = new ApiClient(server.url());
        Answer sbom = client.post(
                "/api/v1/sboms?project=shop&version=1.4.0",
                uploader,
                "application/json",
                Sboms.bytes(Sboms.cyclonedx(APP, List.of())));
        assertThat(sbom.status()).as(sbom.body()).isEqualTo(201);
    }

    @AfterEach
    void stop() {
        LoopbackPortfolio.stop(server, client);
        database.close();
    }

    static byte[] assaySarif() {
        return AssaySarif.k8s("deploy/pod.yaml", AssaySarif.PRIVILEGED_POD);
    }

    static int resultCount(byte[] sarif) throws IOException {
        return ApiClient.JSON
                .readTree(sarif)
                .path("runs")
                .get(0)
                .path("results")
                .size();
    }

    static byte[] otherTool(String... levels) {
        List<String> results = new ArrayList<>();
        for (int i = 0; i < levels.length; i++) {
            results.add("{\"ruleId\":\"rule-" + i + "\",\"level\":\"" + levels[i] + "\",\"message\":{\"text\":\"m" + i
                    + "\"}}");
        }
        return ("{\"version\":\"2.1.0\",\"runs\":[{\"tool\":{\"driver\":{\"name\":\"kube-linter\"}},\"results\":["
                        + String.join(",", results) + "]}]}")
                .getBytes(StandardCharsets.UTF_8);
    }

    Answer upload(byte[] sarif) {
        return client.post(PATH, uploader, "application/sarif+json", sarif);
    }

    /** Without a Content-Length: the body arrives chunked, its size unknown until it has been read. */
    Answer uploadChunked(byte[] sarif) {
        return client.send(client.request(PATH, uploader)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(sarif)))
                .build());
    }

    @Test
    void upload_assaysK8sSarif_thenList_mostSevereFirstWithSummary() throws IOException {
        byte[] sarif = assaySarif();
        int expected = resultCount(sarif);

        Answer uploaded = upload(sarif);

        assertThat(uploaded.status()).as(uploaded.body()).isEqualTo(200);
        JsonNode json = uploaded.json();
        assertThat(json.path("project").asText()).isEqualTo("shop");
        assertThat(json.path("version").asText()).isEqualTo("1.4.0");
        assertThat(json.path("results").asInt()).isEqualTo(expected);
        assertThat(json.path("tools").size()).isEqualTo(1);
        assertThat(json.path("tools").get(0).path("tool").asText()).isEqualTo("Assay");
        assertThat(json.path("tools").get(0).path("results").asInt()).isEqualTo(expected);

        Answer listed = client.get(PATH, reader);
        assertThat(listed.status()).as(listed.body()).isEqualTo(200);
        JsonNode results = listed.json().path("results");
        assertThat(results.size()).isEqualTo(expected);
        JsonNode first = results.get(0);
        assertThat(first.path("tool").asText()).isEqualTo("Assay");
        assertThat(first.path("level").asText()).isEqualTo("error");
        assertThat(first.path("rule").asText()).isNotEmpty();
        assertThat(first.path("message").asText()).startsWith("Pod shop/web");
        assertThat(first.path("location").asText()).isEqualTo("deploy/pod.yaml:1");
        assertThat(first.path("uploadedAt").asText()).endsWith("Z");
        List<Integer> ranks = new ArrayList<>();
        results.forEach(result -> ranks.add(List.of("error", "warning", "note", "none")
                .indexOf(result.path("level").asText())));
        assertThat(ranks).isSorted().doesNotContain(-1);
        JsonNode summary = listed.json().path("summary");
        assertThat(summary.path("error").asInt()
                        + summary.path("warning").asInt()
                        + summary.path("note").asInt()
                        + summary.path("none").asInt())
                .isEqualTo(expected);
        assertThat(summary.path("error").asInt()).isPositive();
    }

    @Test
    void upload_sameReportTwiceOrAnotherTool_replacesOnlyThatTool() throws IOException {
        byte[] sarif = assaySarif();
        int assay = resultCount(sarif);
        upload(sarif);
        JsonNode assayOnly = client.get(PATH, reader).json().path("summary");
        upload(otherTool("warning", "note", "none"));
        assertThat(upload(sarif).status()).isEqualTo(200);
        assertThat(client.get(PATH, reader).json().path("results").size()).isEqualTo(assay + 3);

        Answer fixed = upload(otherTool("note"));
        assertThat(fixed.json().path("results").asInt()).isEqualTo(1);
        JsonNode listed = client.get(PATH, reader).json();
        assertThat(listed.path("results").size()).isEqualTo(assay + 1);
        JsonNode summary = listed.path("summary");
        assertThat(summary.path("error").asInt())
                .isEqualTo(assayOnly.path("error").asInt());
        assertThat(summary.path("warning").asInt())
                .isEqualTo(assayOnly.path("warning").asInt());
        assertThat(summary.path("note").asInt())
                .isEqualTo(assayOnly.path("note").asInt() + 1);
        assertThat(summary.path("none").asInt())
                .isEqualTo(assayOnly.path("none").asInt());
    }

    @Test
    void upload_gzipByMagicOrContentEncoding_isAccepted() throws IOException {
        byte[] gzip = Sboms.gzip(assaySarif());
        Answer byMagic = client.post(PATH, uploader, "application/gzip", gzip);
        assertThat(byMagic.status()).as(byMagic.body()).isEqualTo(200);

        Answer byHeader = client.send(client.request(PATH, uploader)
                .header("Content-Type", "application/json")
                .header("Content-Encoding", "gzip")
                .POST(HttpRequest.BodyPublishers.ofByteArray(gzip))
                .build());
        assertThat(byHeader.status()).as(byHeader.body()).isEqualTo(200);
        assertThat(byHeader.json().path("results").asInt()).isEqualTo(resultCount(assaySarif()));
    }

    @Test
    void upload_unknownProjectOrVersion_gets404AndStoresNothing() {
        PortfolioApiContract.assertError(
                client.post(
                        "/api/v1/projects/shop/versions/9.9/policy-results",
                        uploader,
                        "application/json",
                        assaySarif()),
                404,
                "no version '9.9' of project 'shop'",
                "upload its SBOM first");
        PortfolioApiContract.assertError(
                client.post(
                        "/api/v1/projects/nope/versions/1.4.0/policy-results",
                        uploader,
                        "application/json",
                        assaySarif()),
                404);
        PortfolioApiContract.assertError(
                client.get("/api/v1/projects/shop/versions/9.9/policy-results", reader), 404, "9.9");
        long rows = database.jdbi()
                .withHandle(handle -> handle.createQuery("SELECT COUNT(*) FROM policy_results")
                        .mapTo(Long.class)
                        .one());
        assertThat(rows).isZero();
    }

    @Test
    void upload_badDocuments_get400NamingTheProblem() {
        PortfolioApiContract.assertError(
                upload("{\"version\":\"2.1.0\",".getBytes(StandardCharsets.UTF_8)), 400, "not valid JSON");
        PortfolioApiContract.assertError(
                upload("{\"bomFormat\":\"CycloneDX\"}".getBytes(StandardCharsets.UTF_8)), 400, "not a SARIF log");
        PortfolioApiContract.assertError(
                upload("{\"version\":\"2.0.0\",\"runs\":[]}".getBytes(StandardCharsets.UTF_8)),
                400,
                "only SARIF 2.1.0");
        PortfolioApiContract.assertError(upload(new byte[0]), 400, "empty");
        PortfolioApiContract.assertError(
                client.post(PATH, uploader, "application/gzip", new byte[] {0x1f, (byte) 0x8b, 8, 0, 1, 2, 3}),
                400,
                "gzip");
        PortfolioApiContract.assertError(
                client.post(
                        "/api/v1/projects/shop/versions/1%0Ainjected/policy-results",
                        uploader, "application/json", assaySarif()),
                400);
        assertThat(client.get(PATH, reader).json().path("results").size()).isZero();
    }

    @Test
    void upload_overTheLimitDeclaredChunkedOrDecompressed_gets413() {
        byte[] big = otherTool(java.util.Collections.nCopies(2000, "note").toArray(String[]::new));
        assertThat((long) big.length).isGreaterThan(UPLOAD_LIMIT);
        PortfolioApiContract.assertError(upload(big), 413, "limit");
        PortfolioApiContract.assertError(uploadChunked(big), 413, "limit");
        byte[] bomb = Sboms.gzip(big);
        assertThat((long) bomb.length).isLessThan(UPLOAD_LIMIT);
        PortfolioApiContract.assertError(client.post(PATH, uploader, "application/gzip", bomb), 413);
    }

    @Test
    void upload_oversizedBodiesStillBeingSent_eachGetsThe413NotAConnectionReset() {
        // The client is still sending when the server refuses: unless the server reads the rest before it
        // closes, the kernel resets the connection and the client sees no answer at all.
        byte[] oversized = new byte[(int) UPLOAD_LIMIT * 2 - 1024];
        java.util.Arrays.fill(oversized, (byte) ' ');
        for (int attempt = 0; attempt < 30; attempt++) {
            PortfolioApiContract.assertError(upload(oversized), 413, "limit");
            PortfolioApiContract.assertError(uploadChunked(oversized), 413, "limit");
        }
    }

    @Test
    void upload_declaredOverTheListenersLimit_getsThe413InTheApisErrorShape() {
        // Over twice the API's limits the listener refuses the body before any route runs; the answer is
        // still the API's {"error", "status"}, not the admission webhook's Kubernetes Status. The client
        // waits for 100 Continue, as curl does for large bodies: a body already on its way when the
        // listener refuses it unread is answered by a connection reset, past any drain the API could do.
        byte[] megabyte = new byte[1024 * 1024];
        java.util.Arrays.fill(megabyte, (byte) ' ');
        for (int attempt = 0; attempt < 10; attempt++) {
            Answer refused = client.send(client.request(PATH, uploader)
                    .header("Content-Type", "application/sarif+json")
                    .expectContinue(true)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(megabyte))
                    .build());
            PortfolioApiContract.assertError(refused, 413, "larger than the server accepts");
            assertThat(refused.body()).doesNotContain("\"kind\"");
        }
    }

    @Test
    void upload_nonJsonContentTypeOrEncoding_gets415() {
        PortfolioApiContract.assertError(client.post(PATH, uploader, "text/plain", assaySarif()), 415, "Content-Type");
        PortfolioApiContract.assertError(
                client.post(PATH, uploader, "application/x-www-form-urlencoded", assaySarif()), 415);
        PortfolioApiContract.assertError(client.post(PATH, uploader, "application/xml", assaySarif()), 415);
        Answer brotli = client.send(client.request(PATH, uploader)
                .header("Content-Type", "application/json")
                .header("Content-Encoding", "br")
                .POST(HttpRequest.BodyPublishers.ofByteArray(assaySarif()))
                .build());
        PortfolioApiContract.assertError(brotli, 415, "Content-Encoding");
    }

    @Test
    void scopes_uploadNeedsUpload_listNeedsRead() {
        PortfolioApiContract.assertError(client.post(PATH, null, "application/json", assaySarif()), 401);
        PortfolioApiContract.assertError(client.post(PATH, reader, "application/json", assaySarif()), 403, "upload");
        PortfolioApiContract.assertError(client.get(PATH, null), 401);
        PortfolioApiContract.assertError(client.get(PATH, uploader), 403, "read");
        assertThat(client.post(PATH, admin, "application/json", assaySarif()).status())
                .isEqualTo(200);
        assertThat(client.get(PATH, admin).status()).isEqualTo(200);
    }

    @Test
    void upload_isAuditedWithActorSubjectAndCounts() throws IOException {
        upload(assaySarif());
        upload(otherTool("error", "warning"));

        JsonNode entries = client.get("/api/v1/audit?limit=2", admin).json().path("entries");
        assertThat(entries.get(0).path("action").asText()).isEqualTo("policy-results.upload");
        assertThat(entries.get(0).path("actor").asText()).isEqualTo("ci");
        assertThat(entries.get(0).path("subject").asText()).isEqualTo("shop@1.4.0");
        assertThat(entries.get(0).path("detail").asText()).isEqualTo("kube-linter: 2 results");
        assertThat(entries.get(1).path("detail").asText())
                .isEqualTo("Assay: " + resultCount(assaySarif()) + " results");
    }
}
