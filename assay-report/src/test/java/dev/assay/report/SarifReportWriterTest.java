package dev.assay.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.assay.model.Location;
import dev.assay.model.ScanResult;
import dev.assay.testkit.Golden;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class SarifReportWriterTest {
    private static final SarifReportWriter WRITER = new SarifReportWriter(SampleScanResults.options());

    static Stream<ScanResult> results() {
        return Stream.of(SampleScanResults.realistic(), SampleScanResults.empty(), SampleScanResults.hostile());
    }

    private static JsonNode sarif(ScanResult result) {
        return Rendered.of(WRITER, result).json();
    }

    private static JsonNode run(ScanResult result) {
        return sarif(result).path("runs").get(0);
    }

    private static JsonNode resultFor(JsonNode run, String ruleId) {
        for (JsonNode result : run.path("results")) {
            if (result.path("ruleId").asText().equals(ruleId)) {
                return result;
            }
        }
        throw new AssertionError("no result for " + ruleId);
    }

    private static JsonNode ruleFor(JsonNode run, String ruleId) {
        for (JsonNode rule : run.path("tool").path("driver").path("rules")) {
            if (rule.path("id").asText().equals(ruleId)) {
                return rule;
            }
        }
        throw new AssertionError("no rule " + ruleId);
    }

    @Test
    void write_realistic_matchesGolden() {
        Golden.assertMatches(
                "sarif/realistic.sarif.json",
                Rendered.of(WRITER, SampleScanResults.realistic()).text());
    }

    @Test
    void write_empty_matchesGolden() {
        Golden.assertMatches(
                "sarif/empty.sarif.json",
                Rendered.of(WRITER, SampleScanResults.empty()).text());
    }

    @ParameterizedTest
    @MethodSource("results")
    void write_anyResult_validatesAgainstTheOfficialSarif210Schema(ScanResult result) {
        assertThat(SarifSchema.errors(sarif(result))).isEmpty();
    }

    @Test
    void schema_invalidSarif_isRejected() {
        // The validation above is worth something only if the validator can say no.
        ObjectNode broken = (ObjectNode) sarif(SampleScanResults.realistic()).deepCopy();
        ((ObjectNode) broken.path("runs").get(0).path("results").get(0)).put("level", "critical");
        ((ObjectNode) broken.path("runs").get(0).path("results").get(1)).remove("message");
        ((ObjectNode) broken.path("runs").get(0).path("tool").path("driver")).put("informationUri", "not a uri");
        broken.put("version", "2.0.0");

        assertThat(SarifSchema.errors(broken))
                .hasSizeGreaterThanOrEqualTo(4)
                .anySatisfy(error -> assertThat(error).contains("level"))
                .anySatisfy(error -> assertThat(error).contains("message"))
                .anySatisfy(error -> assertThat(error).contains("informationUri"))
                .anySatisfy(error -> assertThat(error).contains("version"));
    }

    /**
     * What GitHub code scanning requires beyond the schema: a driver name and rules, and for every result a
     * rule id that exists (with the matching index), a message, one location with a relative URI and a
     * region, a fingerprint; rules with a numeric security-severity and help.
     */
    @ParameterizedTest
    @MethodSource("results")
    void write_anyResult_hasEveryFieldGithubCodeScanningNeeds(ScanResult scan) {
        JsonNode sarif = sarif(scan);
        assertThat(sarif.path("$schema").asText()).isEqualTo(SarifReportWriter.SCHEMA_URI);
        assertThat(sarif.path("version").asText()).isEqualTo("2.1.0");
        assertThat(sarif.path("runs")).hasSize(1);
        JsonNode driver = sarif.path("runs").get(0).path("tool").path("driver");
        assertThat(driver.path("name").asText()).isEqualTo("Assay");
        assertThat(driver.path("informationUri").asText()).startsWith("https://");
        assertThat(driver.path("semanticVersion").asText()).isEqualTo("0.1.0");
        JsonNode rules = driver.path("rules");
        Map<String, Integer> ruleIndex = new HashMap<>();
        for (int index = 0; index < rules.size(); index++) {
            JsonNode rule = rules.get(index);
            ruleIndex.put(rule.path("id").asText(), index);
            assertThat(rule.path("shortDescription").path("text").asText()).isNotBlank();
            assertThat(rule.path("fullDescription").path("text").asText()).isNotBlank();
            assertThat(rule.path("help").path("text").asText()).isNotBlank();
            assertThat(rule.path("help").path("markdown").asText()).isNotBlank();
            assertThat(URI.create(rule.path("helpUri").asText()).getScheme()).isEqualTo("https");
            assertThat(rule.path("properties").path("tags"))
                    .extracting(JsonNode::asText)
                    .contains("security");
            if (rule.path("properties").has("security-severity")) {
                assertThat(Double.parseDouble(rule.path("properties")
                                .path("security-severity")
                                .asText()))
                        .isBetween(0.0, 10.0);
            }
        }
        assertThat(ruleIndex).hasSize(rules.size());
        int expectedResults = scan.findings().size() + scan.suppressed().size();
        JsonNode results = sarif.path("runs").get(0).path("results");
        assertThat(results).hasSize(expectedResults);
        for (JsonNode result : results) {
            assertThat(ruleIndex)
                    .containsEntry(
                            result.path("ruleId").asText(),
                            result.path("ruleIndex").asInt());
            assertThat(result.path("level").asText()).isIn("error", "warning", "note");
            assertThat(result.path("message").path("text").asText()).isNotBlank();
            assertThat(result.path("locations")).hasSize(1);
            JsonNode physical = result.path("locations").get(0).path("physicalLocation");
            String uri = physical.path("artifactLocation").path("uri").asText();
            assertThat(URI.create(uri).isAbsolute()).as(uri).isFalse();
            assertThat(uri).doesNotStartWith("/").doesNotContain("\\").doesNotContain(" ");
            assertThat(physical.path("region").path("startLine").asInt()).isEqualTo(1);
            assertThat(result.path("partialFingerprints")
                            .path(SarifReportWriter.FINGERPRINT)
                            .asText())
                    .matches("[0-9a-f]{64}");
        }
    }

    @Test
    void write_realistic_oneRulePerVulnerabilityIdSortedById() {
        JsonNode rules =
                run(SampleScanResults.realistic()).path("tool").path("driver").path("rules");

        List<String> ids = new ArrayList<>();
        rules.forEach(rule -> ids.add(rule.path("id").asText()));
        assertThat(ids).isSorted().doesNotHaveDuplicates().hasSize(7).contains("CVE-2020-36518");
    }

    @ParameterizedTest
    @CsvSource({
        "CVE-2021-44228, error, 10.0",
        "CVE-2024-29415, error, 8.1",
        "CVE-2023-5678, warning, 5.3",
        "CVE-2010-4756, note, 2.0",
    })
    void write_realistic_levelAndSecuritySeverityFollowTheSeverity(String id, String level, String score) {
        JsonNode run = run(SampleScanResults.realistic());

        assertThat(resultFor(run, id).path("level").asText()).isEqualTo(level);
        assertThat(ruleFor(run, id).path("defaultConfiguration").path("level").asText())
                .isEqualTo(level);
        assertThat(ruleFor(run, id).path("properties").path("security-severity").asText())
                .isEqualTo(score);
    }

    @Test
    void write_unknownSeverity_isANoteWithoutSecuritySeverity() {
        JsonNode run = run(SampleScanResults.realistic());

        assertThat(resultFor(run, "GO-2024-2687").path("level").asText()).isEqualTo("note");
        assertThat(ruleFor(run, "GO-2024-2687").path("properties").has("security-severity"))
                .isFalse();
    }

    @Test
    void write_log4shell_messageNamesPackageVersionFixAndLayer() {
        JsonNode log4shell = resultFor(run(SampleScanResults.realistic()), "CVE-2021-44228");

        assertThat(log4shell.path("message").path("text").asText())
                .isEqualTo("org.apache.logging.log4j:log4j-core 2.14.1 is affected by CVE-2021-44228 (CRITICAL)."
                        + " Fixed in 2.3.1, 2.12.2, 2.15.0. Known to be exploited (CISA KEV)."
                        + " Found in app/lib/log4j-core-2.14.1.jar in image layer " + SampleScanResults.APP_LAYER
                        + ".");
        assertThat(log4shell
                        .path("locations")
                        .get(0)
                        .path("physicalLocation")
                        .path("artifactLocation")
                        .path("uri")
                        .asText())
                .isEqualTo("app/lib/log4j-core-2.14.1.jar");
        assertThat(log4shell.path("properties").path("layer").asText()).isEqualTo(SampleScanResults.APP_LAYER);
    }

    @Test
    void write_log4shellRule_linksTheFirstReferenceAndListsFixes() {
        JsonNode rule = ruleFor(run(SampleScanResults.realistic()), "CVE-2021-44228");

        assertThat(rule.path("helpUri").asText()).isEqualTo("https://logging.apache.org/log4j/2.x/security.html");
        assertThat(rule.path("help").path("markdown").asText())
                .contains("| org.apache.logging.log4j:log4j-core | 2.14.1 | 2.3.1, 2.12.2, 2.15.0 |")
                .contains("- <https://nvd.nist.gov/vuln/detail/CVE-2021-44228>");
        assertThat(rule.path("properties").path("tags"))
                .extracting(JsonNode::asText)
                .containsExactly("security", "vulnerability", "critical", "maven", "known-exploited");
    }

    @Test
    void write_ruleWithoutWebReference_linksOsv() {
        JsonNode rule = ruleFor(run(SampleScanResults.realistic()), "CVE-2010-4756");

        assertThat(rule.path("helpUri").asText()).isEqualTo("https://osv.dev/vulnerability/CVE-2010-4756");
    }

    @Test
    void write_suppressedFinding_isAResultWithAnAcceptedExternalSuppression() {
        JsonNode suppressed = resultFor(run(SampleScanResults.realistic()), "CVE-2020-36518");

        JsonNode suppression = suppressed.path("suppressions").get(0);
        assertThat(suppression.path("kind").asText()).isEqualTo("external");
        assertThat(suppression.path("status").asText()).isEqualTo("accepted");
        assertThat(suppression.path("justification").asText())
                .isEqualTo("VEX: not_affected (vulnerable_code_not_in_execute_path): shop-api reads JSON only from"
                        + " its own configuration files, never from requests [vex/shop-api.openvex.json#stmt-2]");
        assertThat(suppressed
                        .path("locations")
                        .get(0)
                        .path("physicalLocation")
                        .path("artifactLocation")
                        .path("uri")
                        .asText())
                .as("a nested jar points at the outer file")
                .isEqualTo("app/lib/shop-api.jar");
        assertThat(resultFor(run(SampleScanResults.realistic()), "CVE-2021-44228")
                        .has("suppressions"))
                .isFalse();
    }

    @Test
    void write_fingerprint_dependsOnlyOnVulnerabilityAndPurl() {
        ScanResult realistic = SampleScanResults.realistic();
        JsonNode before = resultFor(run(realistic), "CVE-2021-44228");
        var log4shell = realistic.findings().getFirst();
        var reworded = new dev.assay.model.Finding(
                new dev.assay.model.Vulnerability(
                        log4shell.vulnerability().id(), List.of(), "another summary", List.of(), List.of(), null, null),
                log4shell.component(),
                dev.assay.model.Severity.HIGH,
                List.of("9.9.9"),
                List.of(),
                List.of(),
                false,
                null);
        JsonNode after = resultFor(
                run(new ScanResult(realistic.sbom(), List.of(reworded), List.of(), realistic.database())),
                "CVE-2021-44228");

        assertThat(after.path("partialFingerprints")).isEqualTo(before.path("partialFingerprints"));
        assertThat(resultFor(run(realistic), "CVE-2021-44906").path("partialFingerprints"))
                .isNotEqualTo(before.path("partialFingerprints"));
    }

    @Test
    void write_hostileText_isNeitherMarkupNorALinkNorAControlCharacter() {
        JsonNode run = run(SampleScanResults.hostile());
        JsonNode rule = ruleFor(run, "GHSA-xxxx-yyyy-zzzz");
        String everything = run.toString();

        assertThat(rule.path("helpUri").asText()).isEqualTo("https://osv.dev/vulnerability/GHSA-xxxx-yyyy-zzzz");
        assertThat(everything).doesNotContain("javascript:alert(1)\"").doesNotContain("data:text/html");
        assertThat(rule.path("help").path("markdown").asText())
                .contains("\\<img src=x onerror=alert\\(1\\)\\>")
                .contains("\\[click\\]\\(javascript:alert\\(1\\)\\)")
                .doesNotContainPattern("(?<!\\\\)<img");
        for (JsonNode result : run.path("results")) {
            assertThat(result.path("message").path("text").asText()).doesNotContainPattern("[\\p{Cc}\\p{Cf}]");
        }
        assertThat(resultFor(run, "GHSA-xxxx-yyyy-zzzz")
                        .path("locations")
                        .get(0)
                        .path("physicalLocation")
                        .path("artifactLocation")
                        .path("uri")
                        .asText())
                .isEqualTo("dir%20with%20space/%1B%5B31mpackage-lock.json");
        assertThat(resultFor(run, "CVE-2099-0002")
                        .path("locations")
                        .get(0)
                        .path("physicalLocation")
                        .path("artifactLocation")
                        .path("uri")
                        .asText())
                .as("no file known and no subject")
                .isEqualTo("sbom");
    }

    @ParameterizedTest
    @CsvSource({
        "app/lib/x.jar, app/lib/x.jar",
        "/usr/lib/os-release, usr/lib/os-release",
        "./go.mod, go.mod",
        "C:\\src\\app\\pom.xml, C%3A/src/app/pom.xml",
        "app.war!/WEB-INF/lib/a.jar, app.war",
        "registry.example.com/shop:1.4.2, registry.example.com/shop%3A1.4.2",
        "caf\u00e9/100%.txt, caf%C3%A9/100%25.txt",
    })
    void artifactUri_path_isARelativeUriWithForwardSlashes(String path, String uri) {
        assertThat(SarifReportWriter.artifactUri(Location.of(path))).isEqualTo(uri);
    }

    @Test
    void markdown_specialCharacters_areBackslashEscaped() {
        assertThat(SarifReportWriter.markdown("*a* [b](c) <d> `e` | f_g\nh"))
                .isEqualTo("\\*a\\* \\[b\\]\\(c\\) \\<d\\> \\`e\\` \\| f\\_g h");
    }

    @Test
    void write_unreleasedVersion_hasNoSemanticVersion() {
        JsonNode snapshot = Rendered.of(
                        new SarifReportWriter(new ReportOptions("build 42", SampleScanResults.CLOCK, false, 0)),
                        SampleScanResults.empty())
                .json();

        assertThat(snapshot.path("runs")
                        .get(0)
                        .path("tool")
                        .path("driver")
                        .path("version")
                        .asText())
                .isEqualTo("build 42");
        assertThat(snapshot.path("runs").get(0).path("tool").path("driver").has("semanticVersion"))
                .isFalse();
    }
}
