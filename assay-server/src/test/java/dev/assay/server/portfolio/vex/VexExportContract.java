package dev.assay.server.portfolio.vex;

import static dev.assay.server.portfolio.findings.Portfolios.FRAMEWORK;
import static dev.assay.server.portfolio.findings.Portfolios.LOG4J_2_14;
import static dev.assay.server.portfolio.findings.Portfolios.LOG4SHELL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.assay.engine.SbomUploads;
import dev.assay.match.VulnerabilityMatcher;
import dev.assay.match.vex.CycloneDxVexReader;
import dev.assay.match.vex.OpenVexReader;
import dev.assay.match.vex.VexApplier;
import dev.assay.match.vex.VexDocument;
import dev.assay.match.vex.VexResult;
import dev.assay.model.Finding;
import dev.assay.model.InvalidInputException;
import dev.assay.model.Sbom;
import dev.assay.server.portfolio.findings.FindingMatching;
import dev.assay.server.portfolio.findings.FindingQueries;
import dev.assay.server.portfolio.findings.FindingView;
import dev.assay.server.portfolio.findings.MutableClock;
import dev.assay.server.portfolio.findings.Portfolios;
import dev.assay.server.portfolio.store.PortfolioDatabase;
import dev.assay.server.portfolio.triage.Triage;
import dev.assay.server.portfolio.triage.TriageRequest;
import dev.assay.vulndb.InMemoryAdvisoryStore;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.cyclonedx.Version;
import org.cyclonedx.parsers.JsonParser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** VEX export of a version's decisions; run on every supported database. */
abstract class VexExportContract {
    private static final String APP = "pkg:maven/com.acme/shop@1.0.0";
    private static final ObjectMapper JSON = new ObjectMapper();

    private PortfolioDatabase database;
    private MutableClock clock;
    private Triage triage;
    private FindingQueries queries;
    private VexExport export;
    private InMemoryAdvisoryStore store;
    private String sbomJson;
    private long versionId;

    abstract PortfolioDatabase openFreshDatabase();

    @BeforeEach
    void open() {
        database = openFreshDatabase();
        clock = new MutableClock(Instant.parse("2026-12-01T10:00:00Z"));
        triage = new Triage(database, clock);
        queries = new FindingQueries(database, triage);
        export = new VexExport(database, queries, clock);
        store = Portfolios.curatedStore();
        sbomJson = Portfolios.cycloneDx(
                APP,
                List.of(FRAMEWORK, LOG4J_2_14, Portfolios.JACKSON_2_9_8),
                Map.of(APP, List.of(FRAMEWORK, Portfolios.JACKSON_2_9_8), FRAMEWORK, List.of(LOG4J_2_14)));
        versionId = Portfolios.upload(database, clock, "shop", "1.0", sbomJson).versionId();
        new FindingMatching(database, clock).matchVersion(versionId, store);
    }

    @AfterEach
    void close() {
        database.close();
    }

    private void triageAll() {
        long jacksonFinding = queries.findingsOfVersion(versionId, false).stream()
                .filter(finding -> finding.component().purl().equals(Portfolios.JACKSON_2_9_8))
                .findFirst()
                .orElseThrow()
                .id();
        decide(new TriageRequest(
                LOG4SHELL,
                "project",
                null,
                "shop",
                null,
                null,
                "not_affected",
                "vulnerable_code_not_in_execute_path",
                "JNDI lookups disabled",
                "alice"));
        decide(new TriageRequest(
                "CVE-2021-45046",
                "purl",
                null,
                null,
                "pkg:maven/org.apache.logging.log4j/log4j-core",
                "vers:maven/<2.16.0",
                "affected",
                null,
                "",
                "bob"));
        decide(new TriageRequest(
                "CVE-2021-45105", "project", null, "shop", null, null, "fixed", null, "patched", "bob"));
        decide(new TriageRequest(
                null, "finding", jacksonFinding, null, null, null, "under_investigation", null, "", "carol"));
    }

    private void decide(TriageRequest request) {
        triage.record(request);
        clock.advance(Duration.ofMinutes(1));
    }

    private Set<String> suppressedInPortfolio() {
        return queries.findingsOfVersion(versionId, false).stream()
                .filter(FindingView::suppressed)
                .map(finding -> finding.component().purl() + " " + finding.vulnerability())
                .collect(Collectors.toCollection(TreeSet::new));
    }

    /** What {@code assay scan --vex} would suppress: the same inventory matched offline, the export applied. */
    private Set<String> suppressedByScan(VexDocument vex) {
        Sbom sbom = SbomUploads.read(sbomJson.getBytes(StandardCharsets.UTF_8), "sbom.json", 1 << 20)
                .sbom();
        List<Finding> findings =
                VulnerabilityMatcher.withDefaultMatchers().match(store, sbom).findings();
        VexResult result = VexApplier.create().apply(findings, sbom, List.of(vex));
        return result.suppressed().stream()
                .map(suppressed -> suppressed.finding().component().purl() + " "
                        + suppressed.finding().vulnerability().id())
                .collect(Collectors.toCollection(TreeSet::new));
    }

    @Test
    void openVex_appliedByAssaysVexReader_suppressesWhatThePortfolioSuppresses() throws IOException {
        triageAll();

        byte[] vex = export.export("shop", "1.0", VexExport.Format.OPENVEX, "alice@example.com");

        assertThat(suppressedInPortfolio())
                .containsExactly(LOG4J_2_14 + " " + LOG4SHELL, LOG4J_2_14 + " CVE-2021-45105");
        assertThat(suppressedByScan(OpenVexReader.read(vex, "shop.openvex.json")))
                .isEqualTo(suppressedInPortfolio());
        assertThat(export.export("shop", "1.0", VexExport.Format.OPENVEX, "alice@example.com"))
                .isEqualTo(vex);
    }

    @Test
    void openVex_hasTheShapeOfTheSpecification() throws IOException {
        triageAll();

        JsonNode document = JSON.readTree(export.export("shop", "1.0", VexExport.Format.OPENVEX, null));

        assertThat(document.path("@context").asText()).isEqualTo("https://openvex.dev/ns/v0.2.0");
        assertThat(document.path("@id").asText()).startsWith("urn:uuid:");
        assertThat(document.path("author").asText()).isEqualTo("Assay portfolio server");
        assertThat(Instant.parse(document.path("timestamp").asText())).isEqualTo(Instant.parse("2026-12-01T10:03:00Z"));
        assertThat(document.path("version").asInt()).isEqualTo(1);
        JsonNode statements = document.path("statements");
        assertThat(statements).hasSize(4);
        for (JsonNode statement : statements) {
            assertThat(statement.path("vulnerability").path("name").asText()).isNotBlank();
            assertThat(statement.path("products").get(0).path("@id").asText()).isEqualTo(APP);
            assertThat(statement
                            .path("products")
                            .get(0)
                            .path("subcomponents")
                            .get(0)
                            .path("@id")
                            .asText())
                    .startsWith("pkg:maven/");
            Instant.parse(statement.path("timestamp").asText());
            String status = statement.path("status").asText();
            assertThat(status).isIn("not_affected", "affected", "fixed", "under_investigation");
            if (status.equals("not_affected")) {
                assertThat(statement.path("justification").asText()).isEqualTo("vulnerable_code_not_in_execute_path");
                assertThat(statement.path("impact_statement").asText()).isEqualTo("JNDI lookups disabled");
                assertThat(statement
                                .path("vulnerability")
                                .path("aliases")
                                .get(0)
                                .asText())
                        .isEqualTo(Portfolios.LOG4SHELL_GHSA);
            } else {
                assertThat(statement.has("justification")).isFalse();
            }
            if (status.equals("affected")) {
                assertThat(statement.path("action_statement").asText()).isNotBlank();
            }
        }
    }

    @Test
    void cycloneDx_validatesAgainstTheOfficial16SchemaAndRoundTripsThroughAssaysReader() throws IOException {
        triageAll();

        byte[] vex = export.export("shop", "1.0", VexExport.Format.CYCLONEDX, null);

        assertThat(new JsonParser().validate(vex, Version.VERSION_16)).isEmpty();
        JsonNode bom = JSON.readTree(vex);
        assertThat(bom.path("vulnerabilities")).hasSize(4);
        JsonNode log4shell = java.util.stream.StreamSupport.stream(
                        bom.path("vulnerabilities").spliterator(), false)
                .filter(node -> node.path("id").asText().equals(LOG4SHELL))
                .findFirst()
                .orElseThrow();
        assertThat(log4shell.path("analysis").path("state").asText()).isEqualTo("not_affected");
        assertThat(log4shell.path("analysis").path("justification").asText()).isEqualTo("code_not_reachable");
        assertThat(log4shell.path("analysis").path("detail").asText()).isEqualTo("JNDI lookups disabled");
        assertThat(log4shell.path("affects").get(0).path("ref").asText()).isEqualTo(LOG4J_2_14);
        assertThat(suppressedByScan(CycloneDxVexReader.read(vex, "shop.cdx.json")))
                .isEqualTo(suppressedInPortfolio());
    }

    @Test
    void export_withoutDecisions_isAValidEmptyDocument() throws IOException {
        byte[] openVex = export.export("shop", "1.0", VexExport.Format.OPENVEX, null);
        byte[] cycloneDx = export.export("shop", "1.0", VexExport.Format.CYCLONEDX, null);

        assertThat(JSON.readTree(openVex).path("statements")).isEmpty();
        assertThat(new JsonParser().validate(cycloneDx, Version.VERSION_16)).isEmpty();
        assertThat(suppressedByScan(OpenVexReader.read(openVex, "empty.json"))).isEmpty();
    }

    @Test
    void export_unknownVersionOrFormat_isInvalidInput() {
        assertThatThrownBy(() -> export.export("shop", "9.9", VexExport.Format.OPENVEX, null))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("no version 9.9 of project shop");
        assertThatThrownBy(() -> VexExport.Format.parse("csaf"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("unknown VEX format 'csaf'");
        assertThat(VexExport.Format.parse(null)).isEqualTo(VexExport.Format.OPENVEX);
        assertThat(VexExport.Format.parse("CycloneDX")).isEqualTo(VexExport.Format.CYCLONEDX);
    }
}
