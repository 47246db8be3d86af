package dev.assay.match;

import static org.assertj.core.api.Assertions.assertThat;

import dev.assay.model.Advisory;
import dev.assay.model.Component;
import dev.assay.model.Finding;
import dev.assay.model.KevEntry;
import dev.assay.model.Purl;
import dev.assay.model.Relationship;
import dev.assay.model.Sbom;
import dev.assay.model.Severity;
import dev.assay.testkit.Corpora;
import dev.assay.vulndb.InMemoryAdvisoryStore;
import dev.assay.vulndb.osv.OsvDocument;
import dev.assay.vulndb.osv.OsvRecordReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The engine over records read by the real OSV importer (CVSS scored), as a scan would see them. */
class CuratedAdvisoriesIntegrationTest {
    private static InMemoryAdvisoryStore store() throws IOException {
        Path directory = Corpora.require("advisories/github-advisory-database-curated/advisories");
        List<Advisory> advisories = new ArrayList<>();
        try (Stream<Path> files = Files.list(directory)) {
            for (Path file : files.sorted().toList()) {
                OsvDocument document = OsvRecordReader.read(
                        Files.readAllBytes(file), OsvRecordReader.Format.JSON, file.toString(), "osv:GHSA");
                if (document instanceof OsvDocument.Record record) {
                    advisories.add(record.advisory());
                }
            }
        }
        return InMemoryAdvisoryStore.of(
                advisories, List.of(new KevEntry("CVE-2021-44228", "Apache", "Log4j2", null, null, true)), List.of());
    }

    @Test
    void match_shopWithVulnerableLog4jAndPatchedJackson_reportsLog4ShellAsTransitiveCriticalKev() throws IOException {
        Purl shop = Purl.parse("pkg:maven/com.example/shop@1.0.0");
        Component framework = Component.builder(Purl.parse("pkg:maven/org.example/framework@3.0.0"))
                .build();
        Component log4j = Component.builder(Purl.parse("pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1"))
                .build();
        Component jackson = Component.builder(
                        Purl.parse("pkg:maven/com.fasterxml.jackson.core/jackson-databind@2.15.2"))
                .build();
        Sbom sbom = DependencyPathsTest.sbom(
                shop,
                List.of(framework, log4j, jackson),
                List.of(
                        Relationship.dependsOn(shop, framework.purl()),
                        Relationship.dependsOn(shop, jackson.purl()),
                        Relationship.dependsOn(framework.purl(), log4j.purl())));

        MatchReport report = VulnerabilityMatcher.withDefaultMatchers().match(store(), sbom);

        assertThat(report.unchecked()).isEmpty();
        assertThat(report.findings())
                .allSatisfy(finding -> assertThat(finding.component()).isEqualTo(log4j));
        Finding log4shell = report.findings().stream()
                .filter(finding -> finding.vulnerability().id().equals("CVE-2021-44228"))
                .findFirst()
                .orElseThrow();
        assertThat(log4shell.severity()).isEqualTo(Severity.CRITICAL);
        assertThat(log4shell.kev()).isTrue();
        assertThat(log4shell.vulnerability().aliases()).containsExactly("GHSA-jfh8-c2jp-5v3q");
        assertThat(log4shell.vulnerability().summary()).isNotBlank();
        assertThat(log4shell.dependencyPath()).containsExactly(framework.purl(), log4j.purl());
        assertThat(log4shell.fixedVersions()).startsWith("2.15.0");
        assertThat(report.findings())
                .extracting(finding -> finding.vulnerability().id())
                .containsExactlyInAnyOrder("CVE-2021-44228", "CVE-2021-45046", "CVE-2021-45105");
    }
}
