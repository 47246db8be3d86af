package dev.assay.sign.attest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.assay.model.InvalidInputException;
import dev.assay.model.Severity;
import dev.assay.model.untrusted.SafeJson;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class VulnPredicateReaderTest {
    private static JsonNode json(String text) {
        return SafeJson.read(text.getBytes(StandardCharsets.UTF_8), "test");
    }

    private static JsonNode predicate(String result) {
        return json(
                "{\"scanner\":{\"uri\":\"x\",\"result\":" + result + "},"
                        + "\"metadata\":{\"scanStartedOn\":\"2025-01-01T00:00:00Z\",\"scanFinishedOn\":\"2025-01-01T00:01:00Z\"}}");
    }

    @Test
    void read_assayReportWrittenByAttestVuln_readsFindingsNotSuppressed() {
        String report = "{\"schemaVersion\":\"1.0\",\"tool\":{\"name\":\"Assay\",\"version\":\"1\"},\"findings\":["
                + "{\"vulnerability\":{\"id\":\"CVE-1\"},\"severity\":\"CRITICAL\","
                + "\"component\":{\"name\":\"openssl\",\"version\":\"3.0.2\"}}],"
                + "\"suppressed\":[{\"vulnerability\":{\"id\":\"CVE-2\"},\"severity\":\"CRITICAL\"}]}";
        JsonNode predicate = VulnPredicates.of(
                        report.getBytes(StandardCharsets.UTF_8),
                        "r.json",
                        new VulnScanContext(
                                Instant.parse("2025-01-01T00:00:00Z"),
                                Instant.parse("2025-01-01T00:05:00Z"),
                                "",
                                "",
                                ""))
                .content();

        VulnPredicateReader.Report read = VulnPredicateReader.read(predicate, "att");

        assertThat(read.scanner()).isEqualTo("Assay");
        assertThat(read.scanFinishedOn()).contains(Instant.parse("2025-01-01T00:05:00Z"));
        assertThat(read.vulnerabilities())
                .containsExactly(new VulnPredicateReader.Vulnerability("CVE-1", Severity.CRITICAL, "openssl 3.0.2"));
    }

    @Test
    void read_trivyCosignVuln_readsEveryTarget() {
        JsonNode predicate = predicate("{\"SchemaVersion\":2,\"Results\":["
                + "{\"Target\":\"os\",\"Vulnerabilities\":[{\"VulnerabilityID\":\"CVE-3\",\"PkgName\":\"zlib\","
                + "\"InstalledVersion\":\"1.2\",\"Severity\":\"HIGH\"}]},"
                + "{\"Target\":\"app\",\"Vulnerabilities\":[{\"VulnerabilityID\":\"CVE-4\",\"PkgName\":\"lodash\","
                + "\"Severity\":\"LOW\"}]},{\"Target\":\"clean\"}]}");

        VulnPredicateReader.Report read = VulnPredicateReader.read(predicate, "att");

        assertThat(read.scanner()).isEqualTo("Trivy");
        assertThat(read.atLeast(Severity.HIGH))
                .containsExactly(new VulnPredicateReader.Vulnerability("CVE-3", Severity.HIGH, "zlib 1.2"));
        assertThat(read.atLeast(Severity.LOW)).hasSize(2);
    }

    @Test
    void read_grypeJson_andUnknownSeverities() {
        JsonNode predicate = predicate("{\"matches\":[{\"vulnerability\":{\"id\":\"GHSA-1\",\"severity\":\"High\"},"
                + "\"artifact\":{\"name\":\"requests\",\"version\":\"2.0\"}},"
                + "{\"vulnerability\":{\"id\":\"GHSA-2\",\"severity\":\"Negligible\"},\"artifact\":{}},"
                + "{\"vulnerability\":{\"id\":\"GHSA-3\",\"severity\":\"Whatever\"},\"artifact\":{}}]}");

        VulnPredicateReader.Report read = VulnPredicateReader.read(predicate, "att");

        assertThat(read.scanner()).isEqualTo("Grype");
        assertThat(read.vulnerabilities())
                .extracting(VulnPredicateReader.Vulnerability::severity)
                .containsExactly(Severity.HIGH, Severity.LOW, Severity.UNKNOWN);
        assertThat(read.atLeast(Severity.LOW)).hasSize(2);
    }

    @Test
    void read_unknownReport_isRefusedRatherThanReadAsClean() {
        assertThatThrownBy(() -> VulnPredicateReader.read(predicate("{\"vulns\":[]}"), "att"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("att: scanner.result is not a report Assay reads (Assay's, Trivy's or Grype's JSON)");
        assertThatThrownBy(() -> VulnPredicateReader.read(json("{\"scanner\":{}}"), "att"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("att: the vulnerability predicate has no scanner.result object");
    }

    @Test
    void read_badTimestamp_isUnknownTime() {
        JsonNode predicate =
                json("{\"scanner\":{\"result\":{\"matches\":[]}},\"metadata\":{\"scanFinishedOn\":\"soon\"}}");

        assertThat(VulnPredicateReader.read(predicate, "att").scanFinishedOn()).isEqualTo(Optional.empty());
    }

    @Test
    void read_controlCharacters_areNotCarriedIntoMessages() {
        JsonNode predicate = predicate(
                "{\"matches\":[{\"vulnerability\":{\"id\":\"CVE-\\u001b[2J\",\"severity\":\"High\"},\"artifact\":{}}]}");

        assertThat(VulnPredicateReader.read(predicate, "att")
                        .vulnerabilities()
                        .get(0)
                        .id())
                .doesNotContain("\u001b");
    }
}
