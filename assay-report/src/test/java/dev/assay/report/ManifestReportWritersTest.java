package dev.assay.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.assay.model.InvalidInputException;
import dev.assay.model.Severity;
import dev.assay.testkit.Golden;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ManifestReportWritersTest {
    private static final ReportOptions OPTIONS = SampleScanResults.options();

    static Stream<ManifestScanResult> results() {
        return Stream.of(
                SampleManifestResults.realistic(), SampleManifestResults.empty(), SampleManifestResults.hostile());
    }

    private static Rendered render(String format, ManifestScanResult result) {
        return Rendered.of(ManifestReportFormats.writer(format, OPTIONS), result);
    }

    @Test
    void table_realistic_matchesGolden() {
        Golden.assertMatches(
                "manifest/realistic.txt",
                render("table", SampleManifestResults.realistic()).text());
    }

    @Test
    void json_realistic_matchesGolden() {
        Golden.assertMatches(
                "manifest/realistic.json",
                render("json", SampleManifestResults.realistic()).text());
    }

    @Test
    void sarif_realistic_matchesGolden() {
        Golden.assertMatches(
                "manifest/realistic.sarif.json",
                render("sarif", SampleManifestResults.realistic()).text());
    }

    @Test
    void table_empty_saysSo() {
        assertThat(render("table", SampleManifestResults.empty()).text())
                .contains("No findings.")
                .endsWith("0 objects in 0 files, 0 with findings; 0 findings: 0 critical, 0 high, 0 medium, 0 low\n");
    }

    @ParameterizedTest
    @MethodSource("results")
    void sarif_anyResult_validatesAgainstTheOfficialSarif210Schema(ManifestScanResult result) {
        assertThat(SarifSchema.errors(render("sarif", result).json())).isEmpty();
    }

    @Test
    void sarif_brokenOutput_isRejectedBySchema() {
        // The validation above is worth something only if the validator can say no here too.
        ObjectNode broken = (ObjectNode)
                render("sarif", SampleManifestResults.realistic()).json().deepCopy();
        ((ObjectNode) broken.path("runs").get(0).path("results").get(0)).put("level", "critical");
        ((ObjectNode) broken.path("runs")
                        .get(0)
                        .path("results")
                        .get(0)
                        .path("locations")
                        .get(0)
                        .path("physicalLocation")
                        .path("region"))
                .put("startLine", 0);

        assertThat(SarifSchema.errors(broken)).hasSizeGreaterThanOrEqualTo(2);
    }

    @Test
    void sarif_resultsPointAtTheObjectsLineAndRule() {
        JsonNode run = render("sarif", SampleManifestResults.realistic())
                .json()
                .path("runs")
                .get(0);

        JsonNode rules = run.path("tool").path("driver").path("rules");
        assertThat(rules)
                .extracting(rule -> rule.path("id").asText())
                .containsExactly(
                        "cluster-hardening/rbac-cluster-admin-service-account",
                        "cluster-hardening/runtime-socket-hostpath",
                        "cluster-hardening/service-account-token-automount",
                        "pod-security-restricted/runAsNonRoot");
        JsonNode socket = rules.get(1);
        assertThat(socket.path("shortDescription").path("text").asText())
                .isEqualTo("Container runtime socket mounted from the host");
        assertThat(socket.path("properties").path("security-severity").asText()).isEqualTo("9.5");

        JsonNode results = run.path("results");
        assertThat(results).hasSize(4);
        JsonNode first = results.get(0);
        assertThat(first.path("ruleId").asText()).isEqualTo("cluster-hardening/runtime-socket-hostpath");
        assertThat(first.path("ruleIndex").asInt()).isEqualTo(1);
        assertThat(first.path("level").asText()).isEqualTo("error");
        assertThat(first.path("message").path("text").asText()).startsWith("Deployment shop/web: spec.template");
        JsonNode location = first.path("locations").get(0).path("physicalLocation");
        assertThat(location.path("artifactLocation").path("uri").asText()).isEqualTo("deploy/rendered.yaml");
        assertThat(location.path("region").path("startLine").asInt()).isEqualTo(31);
        assertThat(first.path("partialFingerprints")
                        .path(ManifestSarifWriter.FINGERPRINT)
                        .asText())
                .hasSize(64);

        JsonNode notifications = run.path("invocations").get(0).path("toolExecutionNotifications");
        assertThat(notifications)
                .extracting(notification -> notification.path("level").asText())
                .containsExactly("error", "note");
        assertThat(notifications
                        .get(0)
                        .path("locations")
                        .get(0)
                        .path("physicalLocation")
                        .path("region")
                        .path("startLine")
                        .asInt())
                .isEqualTo(9);
    }

    @Test
    void json_listsEveryDocumentWithItsViolations() {
        JsonNode json = render("json", SampleManifestResults.realistic()).json();

        assertThat(json.path("results")).hasSize(4);
        JsonNode deployment = json.path("results").get(1);
        assertThat(deployment.path("file").asText()).isEqualTo("deploy/rendered.yaml");
        assertThat(deployment.path("document").asInt()).isEqualTo(2);
        assertThat(deployment.path("line").asInt()).isEqualTo(31);
        assertThat(deployment.path("source").asText()).isEqualTo("shop/templates/deployment.yaml");
        assertThat(deployment.has("item")).isFalse();
        assertThat(deployment.path("violations").get(0).path("severity").asText())
                .isEqualTo("CRITICAL");
        assertThat(deployment.path("violations").get(0).path("enforcement").asText())
                .isEqualTo("enforce");
        assertThat(json.path("results").get(3).path("item").asInt()).isEqualTo(2);
        assertThat(json.path("results").get(0).path("violations")).isEmpty();
        assertThat(json.path("summary").path("bySeverity").path("CRITICAL").asInt())
                .isEqualTo(2);
        assertThat(json.path("errors").get(0).path("line").asInt()).isEqualTo(9);
    }

    @ParameterizedTest
    @MethodSource("results")
    void table_hostileText_staysOnItsLinesWithoutEscapes(ManifestScanResult result) {
        String table = render("table", result).text();

        assertThat(table).doesNotContain("\u001B", "\r", "\u202E", "\u0007");
        assertThat(table.lines()).noneMatch(line -> line.startsWith("FAKE LINE"));
    }

    @Test
    void table_colour_onlyWhenAsked() {
        String colored = Rendered.of(
                        new ManifestTableWriter(OPTIONS.withColor(true)), SampleManifestResults.realistic())
                .text();

        assertThat(colored).contains("\u001B[1;31mCRITICAL");
        assertThat(render("table", SampleManifestResults.realistic()).text()).doesNotContain("\u001B");
    }

    @Test
    void wrap_keepsWordsAndCutsOnlyOverlongOnes() {
        assertThat(ManifestTableWriter.wrap("aaa bbb ccc", 20)).containsExactly("aaa bbb ccc");
        assertThat(ManifestTableWriter.wrap("a".repeat(45), 20))
                .containsExactly("a".repeat(20), "a".repeat(20), "a".repeat(5));
        assertThat(ManifestTableWriter.wrap("one two three four five six seven", 20))
                .containsExactly("one two three four", "five six seven");
        assertThat(ManifestTableWriter.wrap("", 20)).containsExactly("");
    }

    @Test
    void result_gateCountsFindingsAtOrAboveTheThreshold() {
        ManifestScanResult result = SampleManifestResults.realistic();

        assertThat(result.findingsAtOrAbove(Severity.CRITICAL)).hasSize(2);
        assertThat(result.findingsAtOrAbove(Severity.MEDIUM)).hasSize(3);
        assertThat(result.findingsAtOrAbove(Severity.LOW)).hasSize(4);
        assertThat(result.resourcesWithFindings()).isEqualTo(3);
    }

    @Test
    void formats_unknownId_isAnInputError() {
        assertThat(ManifestReportFormats.ids()).containsExactly("table", "json", "sarif");
        assertThatThrownBy(() -> ManifestReportFormats.writer("cyclonedx-vdr", OPTIONS))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("table, json, sarif");
        assertThat(ManifestReportFormats.writer("SARIF", OPTIONS).mediaType()).isEqualTo("application/sarif+json");
        assertThat(List.of("table", "json", "sarif"))
                .allSatisfy(id -> assertThat(
                                ManifestReportFormats.writer(id, OPTIONS).format())
                        .isEqualTo(id));
    }
}
