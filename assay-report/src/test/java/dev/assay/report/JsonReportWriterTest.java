package dev.assay.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.assay.testkit.Golden;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class JsonReportWriterTest {
    private static final JsonReportWriter WRITER = new JsonReportWriter(SampleScanResults.options());

    @Test
    void write_realistic_matchesGolden() {
        Golden.assertMatches(
                "json/realistic.json",
                Rendered.of(WRITER, SampleScanResults.realistic()).text());
    }

    @Test
    void write_empty_matchesGolden() {
        Golden.assertMatches(
                "json/empty.json",
                Rendered.of(WRITER, SampleScanResults.empty()).text());
    }

    /** The names other tools depend on: changing any of them breaks the contract. */
    @Test
    void write_realistic_keepsTheContractNames() {
        JsonNode report = Rendered.of(WRITER, SampleScanResults.realistic()).json();

        assertThat(report.path("findings").isArray()).isTrue();
        assertThat(report.path("suppressed").isArray()).isTrue();
        for (JsonNode finding : report.path("findings")) {
            assertThat(finding.path("vulnerability").path("id").isTextual()).isTrue();
            assertThat(finding.path("vulnerability").path("aliases").isArray()).isTrue();
            assertThat(finding.path("component").path("purl").asText()).startsWith("pkg:");
            assertThat(finding.path("severity").asText()).isIn("CRITICAL", "HIGH", "MEDIUM", "LOW", "UNKNOWN");
            assertThat(finding.path("fixedVersions").isArray()).isTrue();
            assertThat(finding.path("kev").isBoolean()).isTrue();
        }
        assertThat(report.path("schemaVersion").asText()).isEqualTo(JsonReportWriter.SCHEMA_VERSION);
    }

    @Test
    void write_realistic_findingsAreWorstFirstWithTheirDetails() {
        JsonNode findings =
                Rendered.of(WRITER, SampleScanResults.realistic()).json().path("findings");

        List<String> ids = new ArrayList<>();
        findings.forEach(
                finding -> ids.add(finding.path("vulnerability").path("id").asText()));
        assertThat(ids)
                .containsExactly(
                        "CVE-2021-44228",
                        "CVE-2021-44906",
                        "CVE-2024-29415",
                        "CVE-2023-5678",
                        "CVE-2010-4756",
                        "GO-2024-2687");
        JsonNode log4shell = findings.get(0);
        assertThat(log4shell.path("kev").asBoolean()).isTrue();
        assertThat(log4shell.path("vulnerability").path("aliases").get(0).asText())
                .isEqualTo("GHSA-jfh8-c2jp-5v3q");
        assertThat(log4shell
                        .path("vulnerability")
                        .path("ratings")
                        .get(0)
                        .path("score")
                        .asDouble())
                .isEqualTo(10.0);
        assertThat(log4shell.path("epss").path("probability").asDouble()).isEqualTo(0.94358);
        assertThat(log4shell
                        .path("component")
                        .path("locations")
                        .get(0)
                        .path("layer")
                        .asText())
                .isEqualTo(SampleScanResults.APP_LAYER);
        assertThat(log4shell
                        .path("component")
                        .path("evidence")
                        .get(0)
                        .path("versionSource")
                        .asText())
                .isEqualTo("pom.properties");
        assertThat(log4shell.path("matches").get(0).path("affectedRange").asText())
                .isEqualTo(">=2.13.0|<2.15.0");
        assertThat(log4shell.path("direct").asBoolean()).isTrue();

        JsonNode minimist = findings.get(1);
        assertThat(minimist.path("direct").asBoolean()).isFalse();
        assertThat(minimist.path("dependencyPath").get(0).asText()).isEqualTo("pkg:npm/mkdirp@0.5.5");
        JsonNode withoutFix = findings.get(2);
        assertThat(withoutFix.path("fixedVersions")).isEmpty();
        assertThat(withoutFix.path("epss").isNull()).isTrue();
        JsonNode label = findings.get(4);
        assertThat(label.path("vulnerability")
                        .path("ratings")
                        .get(0)
                        .path("score")
                        .isNull())
                .as("a label has no score: null, not NaN")
                .isTrue();
    }

    @Test
    void write_realistic_suppressedEntryIsTheFindingWithItsVexStatement() {
        JsonNode suppressed = Rendered.of(WRITER, SampleScanResults.realistic())
                .json()
                .path("suppressed")
                .get(0);

        assertThat(suppressed.path("vulnerability").path("id").asText()).isEqualTo("CVE-2020-36518");
        assertThat(suppressed.path("component").path("purl").asText())
                .isEqualTo("pkg:maven/com.fasterxml.jackson.core/jackson-databind@2.9.10.8");
        assertThat(suppressed.path("vex").path("status").asText()).isEqualTo("not_affected");
        assertThat(suppressed.path("vex").path("justification").asText())
                .isEqualTo("vulnerable_code_not_in_execute_path");
        assertThat(suppressed.path("vex").path("source").asText()).isEqualTo("vex/shop-api.openvex.json#stmt-2");
    }

    @Test
    void write_realistic_summaryAndDatabase() {
        JsonNode report = Rendered.of(WRITER, SampleScanResults.realistic()).json();

        JsonNode summary = report.path("summary");
        assertThat(summary.path("total").asInt()).isEqualTo(6);
        assertThat(summary.path("bySeverity").path("CRITICAL").asInt()).isEqualTo(2);
        assertThat(summary.path("bySeverity").path("UNKNOWN").asInt()).isEqualTo(1);
        assertThat(summary.path("suppressed").asInt()).isEqualTo(1);
        assertThat(summary.path("knownExploited").asInt()).isEqualTo(1);
        assertThat(report.path("database").path("updatedAt").asText()).isEqualTo("2026-02-27T06:00:00Z");
        assertThat(report.path("database").path("snapshot").asBoolean()).isFalse();
        assertThat(report.path("unknowns").get(0).path("reason").asText()).isEqualTo("zip END header not found");
    }

    @Test
    void write_empty_hasEmptyListsAndZeroCounts() {
        JsonNode report = Rendered.of(WRITER, SampleScanResults.empty()).json();

        assertThat(report.path("findings")).isEmpty();
        assertThat(report.path("suppressed")).isEmpty();
        assertThat(report.path("summary").path("total").asInt()).isZero();
        assertThat(report.path("database").path("snapshot").asBoolean()).isTrue();
    }

    @Test
    void write_textOutsideTheBasicPlane_isWrittenAsUtf8NotAsEscapes() {
        var realistic = SampleScanResults.realistic();
        var finding = realistic.findings().getFirst();
        var emoji = new dev.assay.model.Finding(
                new dev.assay.model.Vulnerability(
                        "CVE-2099-0003", List.of(), "rocket \uD83D\uDE80 and \u4e2d", List.of(), List.of(), null, null),
                finding.component(),
                finding.severity(),
                List.of(),
                List.of(),
                List.of(),
                false,
                null);

        String text = Rendered.of(
                        WRITER,
                        new dev.assay.model.ScanResult(
                                realistic.sbom(), List.of(emoji), List.of(), realistic.database()))
                .text();

        assertThat(text).contains("rocket \uD83D\uDE80 and \u4e2d").doesNotContain("\\uD83D");
    }

    @Test
    void write_hostileText_isEscapedAndReadsBackAsWritten() {
        Rendered rendered = Rendered.of(WRITER, SampleScanResults.hostile());
        JsonNode report = rendered.json();

        assertThat(rendered.text())
                .doesNotContain("\u001B")
                .doesNotContain("\r")
                .contains("\\u001B");
        assertThat(report.path("findings")
                        .get(0)
                        .path("vulnerability")
                        .path("summary")
                        .asText())
                .isEqualTo(SampleScanResults.HOSTILE_SUMMARY.replace('\uD800', '\uFFFD'));
        assertThat(report.path("findings").get(0).path("component").path("name").asText())
                .isEqualTo("evil\u001B[2J\nSECOND LINE\u0007");
        assertThat(report.path("source").isNull()).isTrue();
    }
}
