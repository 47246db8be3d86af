package dev.assay.server.portfolio.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.assay.server.AssayServer;
import dev.assay.server.portfolio.api.ApiClient.Answer;
import dev.assay.server.portfolio.auth.ApiKeys;
import dev.assay.server.portfolio.auth.Scope;
import dev.assay.server.portfolio.findings.Portfolios;
import dev.assay.server.portfolio.store.PortfolioDatabase;
import dev.assay.vulndb.AdvisoryStore;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Findings over the REST API with the real Log4Shell advisory (the curated GitHub advisories of the shared
 * corpora; skipped without them): an upload is matched, a finding is triaged and drops out of the counts,
 * impact finds the version by package range and by CVE alias, and the version exports as VEX.
 */
abstract class FindingsApiContract {
    static final String APP = "pkg:maven/com.acme/shop@1.4.0";
    static final String FRAMEWORK = "pkg:maven/org.example/framework@3.0.0";
    static final String LOG4J = Portfolios.LOG4J_2_14;

    private static AdvisoryStore advisories;

    PortfolioDatabase database;
    AssayServer server;
    ApiClient client;
    String reader;
    String uploader;
    String triager;

    abstract PortfolioDatabase openFreshDatabase();

    @BeforeAll
    static void loadAdvisories() {
        if (advisories == null) {
            advisories = Portfolios.curatedStore();
        }
    }

    @BeforeEach
    void start() {
        database = openFreshDatabase();
        ApiKeys keys = new ApiKeys(database, Clock.systemUTC());
        reader = keys.create("dashboard", EnumSet.of(Scope.READ), "test").secret();
        uploader = keys.create("ci", EnumSet.of(Scope.UPLOAD), "test").secret();
        triager = keys.create("security", EnumSet.of(Scope.TRIAGE, Scope.READ), "test")
                .secret();
        server = LoopbackPortfolio.start(
                PortfolioFeature.builder(database).advisories(() -> advisories).build());
        client = new ApiClient(server.url());
    }

    @AfterEach
    void stop() {
        LoopbackPortfolio.stop(server, client);
        database.close();
    }

    private JsonNode uploadShop() {
        String sbom = Portfolios.cycloneDx(
                APP, List.of(FRAMEWORK, LOG4J), Map.of(APP, List.of(FRAMEWORK), FRAMEWORK, List.of(LOG4J)));
        Answer answer = client.post(
                "/api/v1/sboms?project=shop&version=1.4.0&tag=prod",
                uploader,
                "application/vnd.cyclonedx+json",
                Sboms.bytes(sbom));
        assertThat(answer.status()).as(answer.body()).isEqualTo(201);
        return answer.json();
    }

    private JsonNode log4shell() {
        Answer answer = client.get("/api/v1/projects/shop/versions/1.4.0/findings", reader);
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        for (JsonNode finding : answer.json().path("findings")) {
            // Recorded under the CVE id, with the GHSA id as an alias.
            if (finding.path("vulnerability").asText().equals(Portfolios.LOG4SHELL)) {
                return finding;
            }
        }
        throw new AssertionError("no Log4Shell finding in " + answer.body());
    }

    @Test
    void upload_isMatched_andTheFindingHasTheContractShape() {
        JsonNode uploaded = uploadShop();
        assertThat(uploaded.path("findings").asInt()).isPositive();

        JsonNode finding = log4shell();
        assertThat(texts(finding.path("aliases"))).contains(Portfolios.LOG4SHELL_GHSA);
        assertThat(finding.path("severity").asText()).isEqualTo("critical");
        assertThat(finding.path("component").path("purl").asText()).isEqualTo(LOG4J);
        assertThat(finding.path("component").path("version").asText()).isEqualTo("2.14.1");
        assertThat(texts(finding.path("paths").get(0))).containsExactly(APP, FRAMEWORK, LOG4J);
        assertThat(finding.path("fixedVersions").isArray()).isTrue();
        assertThat(finding.path("analysis").isNull()).isTrue();
        assertThat(finding.path("suppressed").asBoolean()).isFalse();

        JsonNode project = client.get("/api/v1/projects/shop", reader).json();
        assertThat(project.path("versions")
                        .get(0)
                        .path("findings")
                        .path("critical")
                        .asInt())
                .isPositive();
    }

    @Test
    void triageNotAffected_suppressesTheFinding_dropsTheCounts_andIsInTheHistory() {
        uploadShop();
        JsonNode finding = log4shell();
        long id = finding.path("id").asLong();
        int criticalBefore = criticalOfProject();

        Answer forbidden = client.postJson("/api/v1/triage", reader, triage(id));
        PortfolioApiContract.assertError(forbidden, 403, "triage");

        Answer recorded = client.postJson("/api/v1/triage", triager, triage(id));
        assertThat(recorded.status()).as(recorded.body()).isEqualTo(201);
        assertThat(recorded.json().path("author").asText()).isEqualTo("security");
        assertThat(recorded.json().path("state").asText()).isEqualTo("not_affected");

        JsonNode after = log4shell();
        assertThat(after.path("suppressed").asBoolean()).isTrue();
        assertThat(after.path("analysis").path("state").asText()).isEqualTo("not_affected");
        assertThat(after.path("analysis").path("justification").asText())
                .isEqualTo("vulnerable_code_not_in_execute_path");
        assertThat(after.path("analysis").path("scope").asText()).isEqualTo("finding");
        assertThat(criticalOfProject()).isEqualTo(criticalBefore - 1);
        assertThat(client.get("/api/v1/overview", reader)
                        .json()
                        .path("findings")
                        .path("critical")
                        .asInt())
                .isEqualTo(criticalBefore - 1);

        JsonNode history =
                client.get("/api/v1/findings/" + id + "/history", reader).json();
        assertThat(history.path("history")).hasSize(1);
        assertThat(history.path("history").get(0).path("comment").asText()).isEqualTo("JNDI disabled");
    }

    @Test
    void impact_byPackageRange_andByCveAlias_findTheVersionWithItsPath() {
        uploadShop();
        JsonNode byPackage = client.get(
                        "/api/v1/impact?purl=" + encode("pkg:maven/org.apache.logging.log4j/log4j-core") + "&range="
                                + encode("vers:maven/<2.17.1"),
                        reader)
                .json();
        assertAffected(byPackage);
        assertThat(byPackage.path("tookMs").isNumber()).isTrue();

        JsonNode byCve = client.get("/api/v1/impact?vulnerability=" + Portfolios.LOG4SHELL_GHSA, reader)
                .json();
        assertAffected(byCve);

        JsonNode none = client.get(
                        "/api/v1/impact?purl=" + encode("pkg:maven/org.apache.logging.log4j/log4j-core") + "&range="
                                + encode("vers:maven/>=2.17.1"),
                        reader)
                .json();
        assertThat(none.path("affected")).isEmpty();

        JsonNode vulnerability = client.get("/api/v1/vulnerabilities/" + Portfolios.LOG4SHELL, reader)
                .json();
        assertThat(vulnerability.path("id").asText()).isEqualTo(Portfolios.LOG4SHELL);
        assertThat(texts(vulnerability.path("aliases"))).contains(Portfolios.LOG4SHELL_GHSA);
        assertThat(vulnerability.path("severity").asText()).isEqualTo("critical");
        assertAffected(vulnerability);
    }

    @Test
    void vexExport_bothFormats_carryTheDecision() {
        uploadShop();
        client.postJson("/api/v1/triage", triager, triage(log4shell().path("id").asLong()));

        Answer openVex = client.get("/api/v1/projects/shop/versions/1.4.0/vex?format=openvex", reader);
        assertThat(openVex.status()).as(openVex.body()).isEqualTo(200);
        assertThat(openVex.json().path("@context").asText()).startsWith("https://openvex.dev/ns/");
        assertThat(openVex.body()).contains("not_affected").contains("vulnerable_code_not_in_execute_path");

        Answer cyclone = client.get("/api/v1/projects/shop/versions/1.4.0/vex?format=cyclonedx", reader);
        assertThat(cyclone.status()).as(cyclone.body()).isEqualTo(200);
        assertThat(cyclone.json().path("bomFormat").asText()).isEqualTo("CycloneDX");
        assertThat(cyclone.body()).contains("not_affected").contains("code_not_reachable");
    }

    @Test
    void badInput_isA400_inTheApiErrorShape() {
        uploadShop();
        PortfolioApiContract.assertError(client.get("/api/v1/impact", reader), 400, "exactly one");
        PortfolioApiContract.assertError(
                client.get("/api/v1/impact?purl=pkg:maven/a/b&vulnerability=CVE-2021-44228", reader),
                400,
                "exactly one");
        PortfolioApiContract.assertError(client.get("/api/v1/impact?purl=not-a-purl", reader), 400);
        PortfolioApiContract.assertError(
                client.get("/api/v1/projects/shop/versions/1.4.0/vex?format=spdx", reader), 400, "format");
        PortfolioApiContract.assertError(client.get("/api/v1/findings/abc/history", reader), 400);
        PortfolioApiContract.assertError(client.get("/api/v1/findings/987654321/history", reader), 404);
        PortfolioApiContract.assertError(
                client.postJson(
                        "/api/v1/triage", triager, "{\"scope\":\"finding\",\"findingId\":1,\"state\":\"maybe\"}"),
                400);
        PortfolioApiContract.assertError(client.postJson("/api/v1/triage", triager, "[1,2]"), 400);
        PortfolioApiContract.assertError(client.get("/api/v1/projects/shop/versions/9.9/findings", reader), 404);
    }

    @Test
    void statusAndOverview_reportTheAdvisoryAge() {
        JsonNode status = client.get("/api/v1/status", reader).json();
        assertThat(status.path("advisories").path("builtAt").isTextual()).isTrue();
        assertThat(status.path("advisories").path("stale").isBoolean()).isTrue();
        JsonNode overview = client.get("/api/v1/overview", reader).json();
        assertThat(overview.path("advisories").path("ageHours").isNumber()).isTrue();
        assertThat(overview.path("projects").asInt()).isZero();
    }

    private int criticalOfProject() {
        JsonNode projects = client.get("/api/v1/projects", reader).json();
        return projects.path("projects")
                .get(0)
                .path("findings")
                .path("critical")
                .asInt();
    }

    private static void assertAffected(JsonNode report) {
        JsonNode affected = report.path("affected");
        assertThat(affected).as(report.toString()).hasSize(1);
        assertThat(affected.get(0).path("project").asText()).isEqualTo("shop");
        assertThat(affected.get(0).path("version").asText()).isEqualTo("1.4.0");
        assertThat(texts(affected.get(0).path("tags"))).containsExactly("prod");
        assertThat(affected.get(0).path("component").path("purl").asText()).isEqualTo(LOG4J);
        assertThat(texts(affected.get(0).path("paths").get(0))).containsExactly(APP, FRAMEWORK, LOG4J);
    }

    private static String triage(long findingId) {
        return """
                {"scope":"finding","findingId":%d,"state":"not_affected",
                 "justification":"vulnerable_code_not_in_execute_path","comment":"JNDI disabled"}""".formatted(findingId);
    }

    private static List<String> texts(JsonNode array) {
        List<String> result = new ArrayList<>();
        array.forEach(node -> result.add(node.asText()));
        return result;
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
