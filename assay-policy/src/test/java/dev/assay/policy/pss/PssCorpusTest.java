package dev.assay.policy.pss;

import static org.assertj.core.api.Assertions.assertThat;

import dev.assay.testkit.Corpora;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The pod-security-admission fixtures: every {@code pass} file must be allowed and every {@code fail} file
 * rejected with its file-stem check among the violations, at the level and version of its folder. Where a
 * restricted check overrides the baseline check the fixture names ({@code restrictedVolumes} for
 * {@code hostPathVolumes}), PSA reports the problem under the restricted check, and so must we. Each
 * violation must also carry PSA's reason for its check and a detail in parentheses.
 */
class PssCorpusTest {
    private static final String CORPUS = "pod-security-standards/testdata";

    record Fixture(Level level, PolicyVersion version, boolean shouldPass, String check, Path file) {
        String describe() {
            return level.name().toLowerCase(Locale.ROOT) + "/" + version + "/" + (shouldPass ? "pass" : "fail") + "/"
                    + file.getFileName();
        }
    }

    record Outcome(boolean ok, String detail) {}

    static List<Fixture> fixtures(Path root) {
        List<Fixture> fixtures = new ArrayList<>();
        for (Level level : Level.values()) {
            Path levelDir = root.resolve(level.name().toLowerCase(Locale.ROOT));
            try (Stream<Path> versions = Files.list(levelDir)) {
                for (Path versionDir : versions.sorted().toList()) {
                    PolicyVersion version =
                            PolicyVersion.parse(versionDir.getFileName().toString());
                    for (String outcome : List.of("pass", "fail")) {
                        Path dir = versionDir.resolve(outcome);
                        if (!Files.isDirectory(dir)) {
                            continue;
                        }
                        try (Stream<Path> files = Files.list(dir)) {
                            for (Path file : files.sorted().toList()) {
                                String stem = file.getFileName().toString().replaceFirst("\\d*\\.yaml$", "");
                                fixtures.add(new Fixture(level, version, outcome.equals("pass"), stem, file));
                            }
                        }
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return fixtures;
    }

    static Outcome run(Fixture fixture) {
        String content;
        try {
            content = Files.readString(fixture.file(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<PodSecurityViolation> violations = new ArrayList<>();
        for (PodInput pod : PodDocuments.parse(content, fixture.file().toString())) {
            violations.addAll(PodSecurity.violations(fixture.level(), fixture.version(), pod));
        }
        if (fixture.shouldPass()) {
            return new Outcome(violations.isEmpty(), "expected allowed, got " + violations);
        }
        for (PodSecurityViolation violation : violations) {
            String expectedReason = PSA_REASONS.get(violation.check());
            boolean worded = expectedReason != null
                    && violation.reason().startsWith(expectedReason)
                    && !violation.detail().isEmpty()
                    && violation.message().equals(violation.reason() + " (" + violation.detail() + ")");
            if (!worded) {
                return new Outcome(false, "not worded as pod-security-admission: " + violation);
            }
        }
        Set<String> reporters = reporters(fixture);
        boolean named =
                violations.stream().anyMatch(v -> reporters.contains(v.check().toLowerCase(Locale.ROOT)));
        return new Outcome(named, "expected a violation of one of " + reporters + ", got " + violations);
    }

    /** The fixture's own check, and any restricted check that replaces it at the fixture's level and version. */
    static Set<String> reporters(Fixture fixture) {
        Set<String> reporters = new TreeSet<>();
        reporters.add(fixture.check());
        for (PodSecurityCheck check : PodSecurity.checks(fixture.level(), fixture.version())) {
            if (check.overrides().stream().anyMatch(id -> id.equalsIgnoreCase(fixture.check()))) {
                reporters.add(check.id().toLowerCase(Locale.ROOT));
            }
        }
        return reporters;
    }

    /**
     * Each check's ForbiddenReason as written in pod-security-admission's check_*.go (the AppArmor one has a
     * plural form, hence a prefix).
     */
    private static final Map<String, String> PSA_REASONS = Map.ofEntries(
            Map.entry("allowPrivilegeEscalation", "allowPrivilegeEscalation != false"),
            Map.entry("appArmorProfile", "forbidden AppArmor profile"),
            Map.entry("capabilities_baseline", "non-default capabilities"),
            Map.entry("capabilities_restricted", "unrestricted capabilities"),
            Map.entry("hostNamespaces", "host namespaces"),
            Map.entry("hostPathVolumes", "hostPath volumes"),
            Map.entry("hostPorts", "hostPort"),
            Map.entry("hostProbesAndHostLifecycle", "probe or lifecycle host"),
            Map.entry("privileged", "privileged"),
            Map.entry("procMount", "procMount"),
            Map.entry("procMount_restricted", "procMount"),
            Map.entry("restrictedVolumes", "restricted volume types"),
            Map.entry("runAsNonRoot", "runAsNonRoot != true"),
            Map.entry("runAsUser", "runAsUser=0"),
            Map.entry("seLinuxOptions", "seLinuxOptions"),
            Map.entry("seccompProfile_baseline", "seccompProfile"),
            Map.entry("seccompProfile_restricted", "seccompProfile"),
            Map.entry("sysctls", "forbidden sysctls"),
            Map.entry("windowsHostProcess", "hostProcess"));

    @TestFactory
    Stream<DynamicTest> corpus_everyFixture_matchesPodSecurityAdmission() {
        Path root = Corpora.require(CORPUS);
        List<Fixture> fixtures = fixtures(root);
        assertThat(fixtures).hasSizeGreaterThan(1000);
        return fixtures.stream()
                .map(fixture -> DynamicTest.dynamicTest(fixture.describe(), () -> {
                    Outcome outcome = run(fixture);
                    assertThat(outcome.ok())
                            .as(fixture.describe() + ": " + outcome.detail())
                            .isTrue();
                }));
    }

    /** Prints the pass rate per check and per level/version, the figures quoted in reports. */
    public static void main(String[] args) {
        Path root = Path.of(args[0]);
        Map<String, int[]> byCheck = new TreeMap<>();
        Map<String, int[]> byVersion = new TreeMap<>();
        for (Fixture fixture : fixtures(root)) {
            Outcome outcome = run(fixture);
            String versionKey = fixture.level().name().toLowerCase(Locale.ROOT) + " " + fixture.version();
            for (int[] tally : List.of(
                    byCheck.computeIfAbsent(fixture.check(), k -> new int[2]),
                    byVersion.computeIfAbsent(versionKey, k -> new int[2]))) {
                tally[1]++;
                if (outcome.ok()) {
                    tally[0]++;
                }
            }
            if (!outcome.ok()) {
                System.out.println("MISS " + fixture.describe() + ": " + outcome.detail());
            }
        }
        byCheck.forEach((k, v) -> System.out.printf("check %-28s %d/%d%n", k, v[0], v[1]));
        byVersion.forEach((k, v) -> System.out.printf("version %-18s %d/%d%n", k, v[0], v[1]));
    }
}
