package dev.assay.match.maven;

import static dev.assay.match.fakes.Advisories.advisory;
import static dev.assay.match.fakes.Components.component;
import static org.assertj.core.api.Assertions.assertThat;

import dev.assay.match.MatchReport;
import dev.assay.match.VulnerabilityMatcher;
import dev.assay.match.fakes.FakeAdvisoryStore;
import dev.assay.match.fakes.OsvJson;
import dev.assay.match.spi.Match;
import dev.assay.model.Component;
import dev.assay.model.Finding;
import dev.assay.model.Sbom;
import dev.assay.model.SbomMetadata;
import dev.assay.model.Severity;
import dev.assay.testkit.Corpora;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class MavenMatcherTest {
    private final MavenMatcher matcher = new MavenMatcher();

    private static FakeAdvisoryStore curatedGithubAdvisories() {
        Path directory = Corpora.require("advisories/github-advisory-database-curated/advisories");
        return new FakeAdvisoryStore().addAll(OsvJson.readDirectory(directory)).knownExploited("CVE-2021-44228");
    }

    private static List<String> advisoryIds(List<Match> matches) {
        return matches.stream().map(match -> match.advisory().id()).sorted().toList();
    }

    @Test
    void match_log4jCore2141_matchesLog4ShellAndItsIncompleteFix() {
        List<Match> matches = matcher.match(
                curatedGithubAdvisories(), component("pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1"));

        assertThat(advisoryIds(matches)).contains("GHSA-jfh8-c2jp-5v3q", "GHSA-7rjr-3q55-vv33");
        assertThat(matches)
                .filteredOn(match -> match.advisory().id().equals("GHSA-jfh8-c2jp-5v3q"))
                .singleElement()
                .satisfies(match -> {
                    assertThat(match.evidence().packageName()).isEqualTo("org.apache.logging.log4j:log4j-core");
                    assertThat(match.evidence().ecosystem()).isEqualTo("Maven");
                    assertThat(match.evidence().versionScheme()).isEqualTo("maven");
                    assertThat(match.evidence().matcherId()).isEqualTo("maven-matcher");
                    assertThat(match.fixedVersions()).contains("2.15.0");
                });
    }

    @Test
    void match_log4jCore2171_matchesNeitherLog4ShellRecord() {
        List<Match> matches = matcher.match(
                curatedGithubAdvisories(), component("pkg:maven/org.apache.logging.log4j/log4j-core@2.17.1"));

        assertThat(advisoryIds(matches)).doesNotContain("GHSA-jfh8-c2jp-5v3q", "GHSA-7rjr-3q55-vv33");
    }

    @Test
    void match_atAndOnePatchPastTheLastFixedEvent_reportsNothing() {
        // The corpus's log4j-core records end with CVE-2021-45105, fixed in 2.17.0.
        FakeAdvisoryStore store = curatedGithubAdvisories();

        assertThat(matcher.match(store, component("pkg:maven/org.apache.logging.log4j/log4j-core@2.16.0")))
                .extracting(match -> match.advisory().id())
                .containsExactly("GHSA-p6xc-xr62-6r2g");
        assertThat(matcher.match(store, component("pkg:maven/org.apache.logging.log4j/log4j-core@2.17.0")))
                .isEmpty();
        assertThat(matcher.match(store, component("pkg:maven/org.apache.logging.log4j/log4j-core@2.17.1")))
                .isEmpty();
    }

    @Test
    void match_throughTheEngine_isOneCriticalKevFindingPerVulnerabilityNamedByCve() {
        Component log4j = component("pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1");
        Sbom sbom = new Sbom(
                new SbomMetadata("urn:uuid:1", Instant.EPOCH, null, List.of(), null, new TreeMap<>()),
                List.of(log4j),
                List.of(),
                List.of());

        MatchReport report = VulnerabilityMatcher.withDefaultMatchers().match(curatedGithubAdvisories(), sbom);

        assertThat(report.findings())
                .extracting(finding -> finding.vulnerability().id())
                .contains("CVE-2021-44228", "CVE-2021-45046");
        Finding log4shell = report.findings().stream()
                .filter(finding -> finding.vulnerability().id().equals("CVE-2021-44228"))
                .findFirst()
                .orElseThrow();
        assertThat(log4shell.vulnerability().aliases()).contains("GHSA-jfh8-c2jp-5v3q");
        assertThat(log4shell.severity()).isEqualTo(Severity.CRITICAL);
        assertThat(log4shell.kev()).isTrue();
        assertThat(log4shell.fixedVersions()).first().isEqualTo("2.15.0");
        assertThat(report.findings().getFirst().severity()).isEqualTo(Severity.CRITICAL);
    }

    @Test
    void match_groupIdAndArtifactIdJoinedByColon_isTheLookupKey() {
        FakeAdvisoryStore store = new FakeAdvisoryStore()
                .add(advisory("GHSA-1")
                        .range("Maven", "com.example:lib", "0", "1.2.0")
                        .build())
                .add(advisory("GHSA-2")
                        .range("Maven", "com.example.lib", "0", "1.2.0")
                        .build());

        assertThat(advisoryIds(matcher.match(store, component("pkg:maven/com.example/lib@1.1.0"))))
                .containsExactly("GHSA-1");
    }
}
