package dev.assay.engine.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import dev.assay.policy.pss.Level;
import dev.assay.policy.pss.PodSecurity;
import dev.assay.policy.pss.PodSecurityCheck;
import dev.assay.policy.pss.PolicyVersion;
import dev.assay.report.ManifestFinding;
import dev.assay.report.ManifestResource;
import dev.assay.report.ManifestScanResult;
import dev.assay.testkit.Corpora;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The shared corpora through the whole {@code scan k8s} path (directory reader, admission policies, result):
 * pod-security-admission's fixtures must come out as they do from {@code policy pss}, and the Gatekeeper
 * library's samples must all be read.
 */
class ManifestScanCorporaTest {
    @Test
    void podSecurityFixtures_readAsDirectories_keepPodSecurityAdmissionsOutcome() throws IOException {
        Path root = Corpora.require("pod-security-standards/testdata");
        List<String> misses = new ArrayList<>();
        int checked = 0;
        for (Level level : Level.values()) {
            String levelName = level.name().toLowerCase(Locale.ROOT);
            List<Path> versions;
            try (Stream<Path> list = Files.list(root.resolve(levelName))) {
                versions = list.sorted().toList();
            }
            for (Path versionDirectory : versions) {
                PolicyVersion version =
                        PolicyVersion.parse(versionDirectory.getFileName().toString());
                ManifestScan scan = ManifestScan.builtIn(level, version);
                for (String outcome : List.of("pass", "fail")) {
                    Path directory = versionDirectory.resolve(outcome);
                    if (!Files.isDirectory(directory)) {
                        continue;
                    }
                    ManifestScanResult result = scan.scan(
                            ManifestReader.withDefaults().read(List.of(new ManifestSource.FileOrDirectory(directory))));
                    assertThat(result.errors()).as(directory.toString()).isEmpty();
                    for (ManifestResource resource : result.resources()) {
                        checked++;
                        List<String> podSecurity = resource.findings().stream()
                                .filter(finding -> finding.policy().equals("pod-security-" + levelName))
                                .map(ManifestFinding::rule)
                                .toList();
                        String stem = Path.of(resource.file())
                                .getFileName()
                                .toString()
                                .replaceFirst("\\d*\\.yaml$", "");
                        // In restricted namespaces PSA reports some problems under the restricted check that
                        // replaces the baseline one the fixture is named after (restrictedVolumes for hostPath).
                        Set<String> reporters = new HashSet<>();
                        reporters.add(stem.toLowerCase(Locale.ROOT));
                        for (PodSecurityCheck check : PodSecurity.checks(level, version)) {
                            if (check.overrides().stream().anyMatch(id -> id.equalsIgnoreCase(stem))) {
                                reporters.add(check.id().toLowerCase(Locale.ROOT));
                            }
                        }
                        boolean ok = outcome.equals("pass")
                                ? podSecurity.isEmpty()
                                : podSecurity.stream()
                                        .anyMatch(rule -> reporters.contains(rule.toLowerCase(Locale.ROOT)));
                        if (!ok) {
                            misses.add(resource.file() + ": " + podSecurity);
                        }
                    }
                }
            }
        }
        assertThat(checked).isGreaterThan(4000);
        assertThat(misses).isEmpty();
    }

    @Test
    void gatekeeperLibrary_everySampleIsReadAndJudged() throws IOException {
        Path library = Corpora.require("misconfig/gatekeeper-library/library");
        long yamlFiles;
        try (Stream<Path> walk = Files.walk(library)) {
            yamlFiles = walk.filter(file -> file.toString().endsWith(".yaml")).count();
        }

        ManifestScanResult result = ManifestScan.builtIn(Level.RESTRICTED, PolicyVersion.LATEST)
                .scan(ManifestReader.withDefaults().read(List.of(new ManifestSource.FileOrDirectory(library))));

        assertThat(result.files()).isEqualTo((int) yamlFiles);
        assertThat(result.errors()).isEmpty();
        assertThat(result.resources()).hasSizeGreaterThanOrEqualTo((int) yamlFiles);
        ManifestResource anonymous = result.resources().stream()
                .filter(resource -> resource.file().endsWith("no-anonymous-bindings/example_disallowed.yaml"))
                .findFirst()
                .orElseThrow();
        assertThat(anonymous.findings())
                .extracting(ManifestFinding::rule)
                .containsExactly("rbac-anonymous-subject", "rbac-anonymous-subject");
    }
}
