package dev.assay.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.assay.model.Rating;
import dev.assay.model.ScanResult;
import dev.assay.model.Severity;
import dev.assay.model.VexStatus;
import dev.assay.testkit.Corpora;
import dev.assay.testkit.Golden;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.cyclonedx.Version;
import org.cyclonedx.model.Bom;
import org.cyclonedx.parsers.JsonParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class CycloneDxVdrWriterTest {
    private static final CycloneDxVdrWriter WRITER = new CycloneDxVdrWriter(SampleScanResults.options());

    static Stream<ScanResult> results() {
        return Stream.of(SampleScanResults.realistic(), SampleScanResults.empty(), SampleScanResults.hostile());
    }

    private static JsonNode vulnerability(JsonNode vdr, String id) {
        for (JsonNode vulnerability : vdr.path("vulnerabilities")) {
            if (vulnerability.path("id").asText().equals(id)) {
                return vulnerability;
            }
        }
        throw new AssertionError("no vulnerability " + id);
    }

    @Test
    void write_realistic_matchesGolden() {
        Golden.assertMatches(
                "cyclonedx/realistic.vdr.json",
                Rendered.of(WRITER, SampleScanResults.realistic()).text());
    }

    @Test
    void write_empty_matchesGolden() {
        Golden.assertMatches(
                "cyclonedx/empty.vdr.json",
                Rendered.of(WRITER, SampleScanResults.empty()).text());
    }

    @ParameterizedTest
    @MethodSource("results")
    void write_anyResult_validatesAgainstTheCycloneDx16SchemaOfCycloneDxCoreJava(ScanResult result) throws IOException {
        byte[] vdr = Rendered.of(WRITER, result).bytes();

        assertThat(new JsonParser().validate(vdr, Version.VERSION_16)).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("results")
    void write_anyResult_validatesAgainstTheCorpusCycloneDx16Schema(ScanResult result) throws IOException {
        Path directory = Corpora.require("sbom/cyclonedx-specification/schema");
        Map<String, String> schemas = new HashMap<>();
        for (String file : List.of("bom-1.6.schema.json", "spdx.schema.json", "jsf-0.82.schema.json")) {
            schemas.put("http://cyclonedx.org/schema/" + file, Files.readString(directory.resolve(file)));
        }
        Schema schema = SchemaRegistry.withDefaultDialect(
                        SpecificationVersion.DRAFT_7, builder -> builder.schemas(schemas))
                .getSchema(SchemaLocation.of("http://cyclonedx.org/schema/bom-1.6.schema.json"));

        List<Error> errors = schema.validate(Rendered.of(WRITER, result).json());

        assertThat(errors).isEmpty();
    }

    @Test
    void schema_invalidVdr_isRejected() throws IOException {
        String broken = Rendered.of(WRITER, SampleScanResults.realistic())
                .text()
                .replace("\"state\": \"not_affected\"", "\"state\": \"fine\"");

        assertThat(new JsonParser()
                        .validate(broken.getBytes(java.nio.charset.StandardCharsets.UTF_8), Version.VERSION_16))
                .isNotEmpty();
    }

    @Test
    void write_realistic_readsBackWithCycloneDxCoreJava() throws Exception {
        Bom bom = new JsonParser()
                .parse(Rendered.of(WRITER, SampleScanResults.realistic()).bytes());

        assertThat(bom.getSpecVersion()).isEqualTo("1.6");
        assertThat(bom.getVulnerabilities()).hasSize(7);
        assertThat(bom.getComponents()).hasSize(9);
        assertThat(bom.getMetadata().getComponent().getBomRef()).isEqualTo(SampleScanResults.SUBJECT.toString());
    }

    @Test
    void write_realistic_everyAffectsRefIsABomRefOfTheDocument() {
        JsonNode vdr = Rendered.of(WRITER, SampleScanResults.realistic()).json();
        Set<String> refs = new HashSet<>();
        vdr.path("components").forEach(component -> {
            assertThat(component.path("bom-ref").asText())
                    .isEqualTo(component.path("purl").asText());
            refs.add(component.path("bom-ref").asText());
        });
        refs.add(vdr.path("metadata").path("component").path("bom-ref").asText());

        for (JsonNode vulnerability : vdr.path("vulnerabilities")) {
            assertThat(refs)
                    .contains(vulnerability.path("affects").get(0).path("ref").asText());
        }
    }

    @Test
    void write_findingOfAComponentMissingFromTheInventory_addsTheComponent() {
        ScanResult realistic = SampleScanResults.realistic();
        ScanResult withoutInventory = new ScanResult(
                new dev.assay.model.Sbom(realistic.sbom().metadata(), List.of(), List.of(), List.of()),
                realistic.findings(),
                realistic.suppressed(),
                realistic.database());

        JsonNode vdr = Rendered.of(WRITER, withoutInventory).json();

        assertThat(vdr.path("components")).hasSize(7);
    }

    @Test
    void write_log4shell_hasSourceAliasesRatingsAdviceAndAffects() {
        JsonNode log4shell =
                vulnerability(Rendered.of(WRITER, SampleScanResults.realistic()).json(), "CVE-2021-44228");

        assertThat(log4shell.path("source").path("name").asText()).isEqualTo("NVD");
        assertThat(log4shell.path("source").path("url").asText())
                .isEqualTo("https://nvd.nist.gov/vuln/detail/CVE-2021-44228");
        assertThat(log4shell.path("references").get(0).path("id").asText()).isEqualTo("GHSA-jfh8-c2jp-5v3q");
        assertThat(log4shell
                        .path("references")
                        .get(0)
                        .path("source")
                        .path("url")
                        .asText())
                .isEqualTo("https://github.com/advisories/GHSA-jfh8-c2jp-5v3q");
        JsonNode cvss3 = log4shell.path("ratings").get(0);
        assertThat(cvss3.path("method").asText()).isEqualTo("CVSSv31");
        assertThat(cvss3.path("score").asDouble()).isEqualTo(10.0);
        assertThat(cvss3.path("severity").asText()).isEqualTo("critical");
        assertThat(cvss3.path("vector").asText()).isEqualTo("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:C/C:H/I:H/A:H");
        assertThat(log4shell.path("ratings").get(1).path("method").asText()).isEqualTo("CVSSv2");
        assertThat(log4shell.path("description").asText()).isEqualTo("Remote code injection in Log4j");
        assertThat(log4shell.path("recommendation").asText()).contains("2.3.1, 2.12.2, 2.15.0");
        assertThat(log4shell.path("advisories")).hasSize(3);
        assertThat(log4shell.path("published").asText()).isEqualTo("2021-12-10T00:00:40Z");
        assertThat(log4shell.path("affects").get(0).path("ref").asText())
                .isEqualTo(SampleScanResults.LOG4J_CORE.toString());
        assertThat(log4shell
                        .path("affects")
                        .get(0)
                        .path("versions")
                        .get(0)
                        .path("status")
                        .asText())
                .isEqualTo("affected");
        assertThat(log4shell.has("analysis")).isFalse();
    }

    @Test
    void write_findingWithoutRatings_getsItsSeverityAsAnOtherRating() {
        JsonNode unknown =
                vulnerability(Rendered.of(WRITER, SampleScanResults.realistic()).json(), "GO-2024-2687");

        assertThat(unknown.path("source").path("name").asText()).isEqualTo("OSV");
        assertThat(unknown.path("ratings").get(0).path("severity").asText()).isEqualTo("unknown");
        assertThat(unknown.path("ratings").get(0).path("method").asText()).isEqualTo("other");
        assertThat(unknown.path("recommendation").asText()).contains("0.23.0");
    }

    @Test
    void write_suppressedFinding_hasTheVexAnalysis() {
        JsonNode jackson =
                vulnerability(Rendered.of(WRITER, SampleScanResults.realistic()).json(), "CVE-2020-36518");

        JsonNode analysis = jackson.path("analysis");
        assertThat(analysis.path("state").asText()).isEqualTo("not_affected");
        assertThat(analysis.path("justification").asText()).isEqualTo("code_not_reachable");
        assertThat(analysis.path("detail").asText())
                .isEqualTo("shop-api reads JSON only from its own configuration files, never from requests\n"
                        + "VEX justification: vulnerable_code_not_in_execute_path\n"
                        + "VEX source: vex/shop-api.openvex.json#stmt-2");
    }

    @ParameterizedTest
    @CsvSource({
        "component_not_present, code_not_present",
        "vulnerable_code_not_present, code_not_present",
        "vulnerable_code_not_in_execute_path, code_not_reachable",
        "vulnerable_code_cannot_be_controlled_by_adversary, protected_by_mitigating_control",
        "inline_mitigations_already_exist, protected_by_mitigating_control",
        "' Vulnerable_Code_Not_Present ', code_not_present",
        "requires_environment, requires_environment",
        "protected_at_perimeter, protected_at_perimeter",
    })
    void justification_openVexOrCycloneDx_mapsToCycloneDx(String vex, String cycloneDx) {
        assertThat(CycloneDxVdrWriter.justification(vex)).contains(cycloneDx);
    }

    @Test
    void justification_unknownOrEmpty_isLeftOut() {
        assertThat(CycloneDxVdrWriter.justification("because we said so")).isEmpty();
        assertThat(CycloneDxVdrWriter.justification("")).isEmpty();
    }

    @Test
    void state_everyVexStatus_hasACycloneDxState() {
        assertThat(Stream.of(VexStatus.values()).map(CycloneDxVdrWriter::state))
                .containsExactly("not_affected", "exploitable", "resolved", "in_triage");
    }

    @ParameterizedTest
    @CsvSource({
        "CVSS_V3, 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H', CVSSv31",
        "CVSS_V3, 'CVSS:3.0/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H', CVSSv3",
        "CVSS_V4, 'CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N', CVSSv4",
        "CVSS_V2, 'AV:N/AC:L/Au:N/C:P/I:P/A:P', CVSSv2",
        "DATABASE, '', other",
    })
    void method_ratingMethod_isCycloneDxsName(String method, String vector, String expected) {
        assertThat(CycloneDxVdrWriter.method(new Rating(method, 7.0, Severity.HIGH, vector, "nvd")))
                .isEqualTo(expected);
    }

    @Test
    void write_serialAndTimestamp_comeFromTheScanNotTheWallClock() throws Exception {
        JsonNode realistic = Rendered.of(WRITER, SampleScanResults.realistic()).json();
        JsonNode hostile = Rendered.of(WRITER, SampleScanResults.hostile()).json();

        assertThat(realistic.path("serialNumber").asText())
                .matches("urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-3[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}")
                .isNotEqualTo(SampleScanResults.realistic().sbom().metadata().serialNumber())
                .isNotEqualTo(hostile.path("serialNumber").asText());
        assertThat(realistic.path("metadata").path("timestamp").asText()).isEqualTo("2026-03-02T09:30:00Z");
        assertThat(hostile.path("metadata").path("timestamp").asText())
                .as("no inventory timestamp: the injected clock")
                .isEqualTo("2026-03-02T10:00:00Z");
        assertThat(new ObjectMapper()
                        .writeValueAsString(realistic.path("metadata").path("properties")))
                .contains("assay:advisory-database:updated-at")
                .contains("2026-02-27T06:00:00Z");
    }

    @Test
    void write_empty_hasAnEmptyVulnerabilityList() {
        JsonNode vdr = Rendered.of(WRITER, SampleScanResults.empty()).json();

        assertThat(vdr.path("vulnerabilities").isArray()).isTrue();
        assertThat(vdr.path("vulnerabilities")).isEmpty();
        assertThat(vdr.path("bomFormat").asText()).isEqualTo("CycloneDX");
    }

    @Test
    void write_hostileReferences_areNotAdvisories() {
        JsonNode hostile =
                vulnerability(Rendered.of(WRITER, SampleScanResults.hostile()).json(), "GHSA-xxxx-yyyy-zzzz");

        assertThat(hostile.has("advisories")).isFalse();
        assertThat(hostile.path("source").path("url").asText())
                .isEqualTo("https://github.com/advisories/GHSA-xxxx-yyyy-zzzz");
    }
}
