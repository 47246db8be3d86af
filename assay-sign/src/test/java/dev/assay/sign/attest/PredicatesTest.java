package dev.assay.sign.attest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.assay.model.InvalidInputException;
import dev.assay.sign.intoto.PredicateTypes;
import dev.assay.testkit.Corpora;
import dev.assay.testkit.Fixtures;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PredicatesTest {
    private static final VulnScanContext SCAN = new VulnScanContext(
            Instant.parse("2026-02-27T07:00:00Z"),
            Instant.parse("2026-02-27T07:00:42Z"),
            "https://github.com/acme/app/actions/runs/1/attempts/1",
            "1",
            "https://github.com/acme/app/.github/workflows/scan.yml@refs/heads/main");

    private byte[] fixture(String name) {
        return Fixtures.bytes(getClass(), "attest/" + name);
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void sbom_cycloneDxJson_isTheCycloneDxPredicateCarriedAsIs() {
        Predicate predicate = SbomPredicates.of(fixture("bom.cdx.json"), "bom.cdx.json");

        assertThat(predicate.type()).isEqualTo("https://cyclonedx.org/bom");
        assertThat(predicate.content().at("/components/0/purl").asText())
                .isEqualTo("pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1");
    }

    @Test
    void sbom_spdxJson_isTheSpdxPredicate() {
        assertThat(SbomPredicates.of(fixture("bom.spdx.json"), "bom.spdx.json").type())
                .isEqualTo("https://spdx.dev/Document");
    }

    @Test
    void sbom_xml_isRefusedWithTheConversionHint() {
        assertThatThrownBy(() -> SbomPredicates.of(fixture("bom.cdx.xml"), "bom.cdx.xml"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("is XML")
                .satisfies(e -> assertThat(((InvalidInputException) e).hint()).contains("assay sbom convert"));
    }

    @Test
    void sbom_otherDocuments_areRefusedSayingWhatTheyAre() {
        assertThatThrownBy(() -> SbomPredicates.of(fixture("openvex.json"), "x.json"))
                .hasMessageContaining("OpenVEX document: attest it with 'vex'");
        assertThatThrownBy(() -> SbomPredicates.of(fixture("scan-report.json"), "x.json"))
                .hasMessageContaining("Assay scan report: attest it with 'vuln'");
        assertThatThrownBy(() -> SbomPredicates.of(utf8("{\"spdxVersion\":\"SPDX-3.0\"}"), "x.json"))
                .hasMessageContaining("spdxVersion 'SPDX-3.0'");
        assertThatThrownBy(() -> SbomPredicates.of(utf8("{\"bomFormat\":\"CycloneDX\"}"), "x.json"))
                .hasMessageContaining("no specVersion");
        assertThatThrownBy(() -> SbomPredicates.of(utf8("[]"), "x.json")).hasMessageContaining("not a JSON object");
        assertThatThrownBy(() -> SbomPredicates.of(utf8("{\"a\":"), "x.json"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("not valid JSON");
    }

    /** Real SBOMs of real projects from the shared corpora (skipped when the corpora are absent). */
    @Test
    void sbom_corpusDocuments_areRecognised() throws IOException {
        Path cyclonedx = Corpora.require("sbom/cyclonedx-bom-examples");
        Path spdx = Corpora.require("sbom/spdx-spec");
        List<Path> cdxFiles;
        try (Stream<Path> files = Files.walk(cyclonedx)) {
            cdxFiles = files.filter(p -> p.toString().endsWith(".json")).toList();
        }
        List<Path> spdxFiles;
        try (Stream<Path> files = Files.walk(spdx)) {
            spdxFiles = files.filter(p -> p.getFileName().toString().endsWith(".spdx.json"))
                    .toList();
        }

        assertThat(cdxFiles).isNotEmpty();
        assertThat(spdxFiles).isNotEmpty();
        for (Path file : cdxFiles) {
            assertThat(SbomPredicates.of(Files.readAllBytes(file), file.toString())
                            .type())
                    .as(file.toString())
                    .isEqualTo(PredicateTypes.CYCLONEDX);
        }
        for (Path file : spdxFiles) {
            assertThat(SbomPredicates.of(Files.readAllBytes(file), file.toString())
                            .type())
                    .as(file.toString())
                    .isEqualTo(PredicateTypes.SPDX);
        }
    }

    @Test
    void vex_openVexDocument_isTypedByItsContext() {
        Predicate predicate = VexPredicates.of(fixture("openvex.json"), "vex.json");

        assertThat(predicate.type()).isEqualTo("https://openvex.dev/ns/v0.2.0");
        assertThat(PredicateTypes.accepted("openvex")).contains(predicate.type());
        assertThat(VexPredicates.of(utf8("{\"@context\":\"https://openvex.dev/ns\",\"statements\":[]}"), "v")
                        .type())
                .isEqualTo("https://openvex.dev/ns/v0.2.0");
        assertThat(VexPredicates.of(
                                utf8("{\"@context\":\"https://openvex.dev/ns/v0.0.1\",\"statements\":"
                                        + "[{\"vulnerability\":\"CVE-1\",\"status\":\"fixed\"}]}"),
                                "v")
                        .type())
                .isEqualTo("https://openvex.dev/ns/v0.0.1");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "{\"statements\":[]}",
                "{\"@context\":\"https://openvex.dev/ns/latest\",\"statements\":[]}",
                "{\"@context\":\"https://evil.example/ns/v0.2.0\",\"statements\":[]}",
                "{\"@context\":[\"https://openvex.dev/ns/v0.2.0\"],\"statements\":[]}",
                "{\"@context\":\"https://openvex.dev/ns/v0.2.0\"}",
                "{\"@context\":\"https://openvex.dev/ns/v0.2.0\",\"statements\":[{\"status\":\"fixed\"}]}",
                "{\"@context\":\"https://openvex.dev/ns/v0.2.0\",\"statements\":"
                        + "[{\"vulnerability\":{\"name\":\"CVE-1\"},\"status\":\"probably_fine\"}]}",
                "[]"
            })
    void vex_notOpenVex_isInvalidInputNamingTheProblem(String json) {
        assertThatThrownBy(() -> VexPredicates.of(utf8(json), "vex.json"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("vex.json");
    }

    @Test
    void vuln_assayScanReport_isWrappedInCosignsShape() {
        Predicate predicate = VulnPredicates.of(fixture("scan-report.json"), "scan.json", SCAN);
        JsonNode content = predicate.content();

        assertThat(predicate.type()).isEqualTo("https://cosign.sigstore.dev/attestation/vuln/v1");
        assertThat(content.at("/invocation/uri").asText())
                .isEqualTo("https://github.com/acme/app/actions/runs/1/attempts/1");
        assertThat(content.at("/invocation/event_id").asText()).isEqualTo("1");
        assertThat(content.at("/invocation/builder.id").asText()).endsWith("scan.yml@refs/heads/main");
        assertThat(content.at("/invocation/parameters").isArray()).isTrue();
        assertThat(content.at("/scanner/uri").asText()).isEqualTo("https://assay.dev");
        assertThat(content.at("/scanner/version").asText()).isEqualTo("0.1.0");
        assertThat(content.at("/scanner/db/version").asText()).isEqualTo("2026-02-27T06:00:00Z");
        assertThat(content.at("/scanner/result/summary/total").asInt()).isZero();
        assertThat(content.at("/metadata/scanStartedOn").asText()).isEqualTo("2026-02-27T07:00:00Z");
        assertThat(content.at("/metadata/scanFinishedOn").asText()).isEqualTo("2026-02-27T07:00:42Z");
    }

    @Test
    void vuln_cosignShapedPredicate_isCarriedAsIs_andOtherDocumentsAreRefused() {
        String trivyLike = "{\"invocation\":{\"parameters\":null,\"uri\":\"\",\"event_id\":\"\",\"builder.id\":\"\"},"
                + "\"scanner\":{\"uri\":\"pkg:github/aquasecurity/trivy@v0.50.0\",\"version\":\"0.50.0\","
                + "\"db\":{\"uri\":\"\",\"version\":\"\"},\"result\":{\"SchemaVersion\":2}},"
                + "\"metadata\":{\"scanStartedOn\":\"2026-01-01T00:00:00Z\",\"scanFinishedOn\":\"2026-01-01T00:01:00Z\"}}";

        assertThat(VulnPredicates.of(utf8(trivyLike), "v.json", SCAN)
                        .content()
                        .at("/scanner/uri")
                        .asText())
                .startsWith("pkg:github/aquasecurity/trivy");
        assertThatThrownBy(() -> VulnPredicates.of(fixture("bom.cdx.json"), "bom.json", SCAN))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("not an Assay scan report");
        assertThatThrownBy(() -> VulnPredicates.of(utf8("{\"scanner\":{}}"), "v.json", SCAN))
                .hasMessageContaining("no scanner.result");
        assertThatThrownBy(
                        () -> VulnPredicates.of(utf8("{\"scanner\":{\"result\":{}},\"metadata\":{}}"), "v.json", SCAN))
                .hasMessageContaining("scanStartedOn");
        assertThatThrownBy(() -> VulnPredicates.of(
                        fixture("scan-report.json"),
                        "scan.json",
                        new VulnScanContext(SCAN.scanFinishedOn(), SCAN.scanStartedOn(), "", "", "")))
                .hasMessageContaining("cannot finish");
    }
}
