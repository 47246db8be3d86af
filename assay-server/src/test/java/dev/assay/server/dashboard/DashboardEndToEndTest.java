package dev.assay.server.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.assay.model.Advisory;
import dev.assay.model.AffectedPackage;
import dev.assay.model.AffectedRange;
import dev.assay.model.RangeEvent;
import dev.assay.model.Rating;
import dev.assay.model.Severity;
import dev.assay.server.AssayServer;
import dev.assay.server.portfolio.api.PortfolioFeature;
import dev.assay.server.portfolio.auth.ApiKeys;
import dev.assay.server.portfolio.auth.Scope;
import dev.assay.server.portfolio.store.PortfolioDatabase;
import dev.assay.vulndb.AdvisoryStore;
import dev.assay.vulndb.InMemoryAdvisoryStore;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * The dashboard end to end on the real API and an embedded database: an SBOM uploaded through
 * {@code POST /api/v1/sboms} shows its findings on the version page, a triage decision made in the page
 * is stored, and the finding then shows as suppressed, also after a reload.
 */
class DashboardEndToEndTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String LOG4J = "pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1";
    private static final String HOSTILE_NAME = "<img src=x onerror=\"window.__pwned=1\">";

    /** Log4Shell as the advisory database would hold it, so the upload has a finding to show. */
    private static final Advisory LOG4SHELL = new Advisory(
            "GHSA-jfh8-c2jp-5v3q",
            List.of("CVE-2021-44228"),
            "Remote code execution in Log4j",
            "",
            Instant.parse("2021-12-10T00:00:00Z"),
            Instant.parse("2021-12-10T00:00:00Z"),
            null,
            List.of(new AffectedPackage(
                    "Maven",
                    "org.apache.logging.log4j:log4j-core",
                    "",
                    List.of(new AffectedRange(
                            AffectedRange.Type.ECOSYSTEM,
                            "",
                            List.of(RangeEvent.introduced("2.0-beta9"), RangeEvent.fixed("2.15.0")))),
                    List.of(),
                    "")),
            List.of(new Rating(Rating.DATABASE, 10.0, Severity.CRITICAL, "", "test")),
            List.of(),
            "test");

    @TempDir
    static Path dataDir;

    private static Browser browser;
    private static PortfolioDatabase database;
    private static AssayServer server;
    private static String key;

    @BeforeAll
    static void start() {
        browser = Browser.start();
        database = PortfolioDatabase.embedded(dataDir);
        key = new ApiKeys(database, Clock.systemUTC())
                .create("dashboard-e2e", Set.of(Scope.READ, Scope.UPLOAD, Scope.TRIAGE), "test")
                .secret();
        server = AssayServer.builder()
                .bind("127.0.0.1")
                .port(0)
                .insecureHttp()
                .feature(new DashboardFeature())
                .feature(portfolio(database, InMemoryAdvisoryStore.of(List.of(LOG4SHELL))))
                .build()
                .start();
    }

    /**
     * The API as {@code assay server} runs it. The one place that depends on how the merged builder takes
     * the findings and triage routes and the advisory store.
     */
    private static PortfolioFeature portfolio(PortfolioDatabase database, AdvisoryStore advisories) {
        return PortfolioFeature.builder(database).advisories(() -> advisories).build();
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.close();
        }
        if (server != null) {
            server.close();
        }
        if (database != null) {
            database.close();
        }
    }

    @AfterEach
    void noConsoleErrors() {
        assertThat(browser.consoleErrors()).as("console errors").isEmpty();
    }

    @Test
    void uploadedSbom_showsItsFindings_andATriagedFindingShowsSuppressed() throws Exception {
        JsonNode uploaded = upload("shop", "1.0", sbom());
        assertThat(uploaded.get("outcome").asText()).isEqualTo("CREATED");
        assertThat(uploaded.get("findings").asInt()).isPositive();

        browser.open(server.url() + "/favicon.svg");
        browser.script("sessionStorage.setItem('assay.apiKey', arguments[0])", key);
        browser.open(server.url() + "/#/projects/shop/versions/1.0");
        browser.waitForPage("version");

        WebElement log4shell = log4shellRow();
        assertThat(log4shell.getText()).contains("log4j-core").contains("2.14.1");
        assertThat(log4shell.getDomAttribute("class")).doesNotContain("suppressed");
        assertThat(browser.find("#components-table tbody").getText()).contains(HOSTILE_NAME);
        assertThat(browser.script("return typeof window.__pwned")).isEqualTo("undefined");

        String findingId = log4shell.getDomAttribute("data-finding");
        browser.find("button.triage-button[data-finding='" + findingId + "']").click();
        new Select(browser.find("#triage-state")).selectByValue("not_affected");
        new Select(browser.find("#triage-justification")).selectByValue("vulnerable_code_not_in_execute_path");
        browser.find("#triage-comment").sendKeys("JNDI lookups are disabled");
        browser.find("#triage-submit").click();
        browser.waitUntil(driver -> browser.findAll("tr.finding.suppressed[data-finding='" + findingId + "']")
                        .size()
                == 1);

        browser.open(server.url() + "/#/projects/shop/versions/1.0");
        browser.waitForPage("version");
        WebElement reloaded = browser.find("tr.finding[data-finding='" + findingId + "']");
        assertThat(reloaded.getDomAttribute("class")).contains("suppressed");
        assertThat(reloaded.getText()).contains("not affected").contains("JNDI lookups are disabled");
    }

    @Test
    void overview_projectAndVulnerabilityPages_renderRealData() throws Exception {
        upload("billing", "2.0", sbom());

        browser.open(server.url() + "/favicon.svg");
        browser.script("sessionStorage.setItem('assay.apiKey', arguments[0])", key);
        browser.open(server.url() + "/#/");
        browser.waitForPage("overview");
        assertThat(browser.find("#projects").getText()).contains("billing");

        browser.find("#projects a[href='#/projects/billing']").click();
        browser.waitForPage("project");
        assertThat(browser.find("main table tbody").getText()).contains("2.0");

        browser.open(server.url() + "/#/vulnerabilities/CVE-2021-44228");
        browser.waitForPage("vulnerability");
        assertThat(browser.find("#affected").getText()).contains("billing").contains("2.0");
    }

    private static WebElement log4shellRow() {
        return browser.waitUntil(driver -> browser.findAll("tr.finding").stream()
                .filter(row -> row.getText().contains("CVE-2021-44228")
                        || row.getText().contains("GHSA-jfh8-c2jp-5v3q"))
                .findFirst()
                .orElse(null));
    }

    private static JsonNode upload(String project, String version, String sbom) throws Exception {
        try (HttpClient client = HttpClient.newHttpClient()) {
            HttpResponse<String> response = client.send(
                    HttpRequest.newBuilder(URI.create(
                                    server.url() + "/api/v1/sboms?project=" + project + "&version=" + version))
                            .header("Authorization", "Bearer " + key)
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(sbom, StandardCharsets.UTF_8))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(response.body()).isIn(200, 201);
            return JSON.readTree(response.body());
        }
    }

    /** An application with Log4j 2.14.1 and a component whose name is markup (in its name and its purl). */
    private static String sbom() {
        return """
                {"bomFormat": "CycloneDX", "specVersion": "1.6", "version": 1,
                 "metadata": {"component": {"type": "application", "bom-ref": "app", "name": "shop", "version": "1.0",
                                            "purl": "pkg:maven/com.example/shop@1.0"}},
                 "components": [
                   {"type": "library", "bom-ref": "log4j", "group": "org.apache.logging.log4j", "name": "log4j-core",
                    "version": "2.14.1", "purl": "%s"},
                   {"type": "library", "bom-ref": "hostile", "name": %s, "version": "1.0.0",
                    "purl": "pkg:npm/%%3Cimg%%20src%%3Dx%%20onerror%%3D%%22window.__pwned%%3D1%%22%%3E@1.0.0"}],
                 "dependencies": [
                   {"ref": "app", "dependsOn": ["log4j", "hostile"]},
                   {"ref": "log4j", "dependsOn": []},
                   {"ref": "hostile", "dependsOn": []}]}
                """.formatted(LOG4J, quoted(HOSTILE_NAME));
    }

    private static String quoted(String text) {
        try {
            return JSON.writeValueAsString(text);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
