package dev.assay.policy.pss;

import static org.assertj.core.api.Assertions.assertThat;

import dev.assay.policy.Violation;
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
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The pod-security-admission fixtures: every {@code pass} file must be allowed and every {@code fail} file
 * rejected with its file-stem check among the violations, at the level and version of its folder.
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
        List<Violation> violations = new ArrayList<>();
        for (PodInput pod : PodDocuments.parse(content, fixture.file().toString())) {
            violations.addAll(PodSecurity.evaluate(fixture.level(), fixture.version(), pod));
        }
        if (fixture.shouldPass()) {
            return new Outcome(violations.isEmpty(), "expected allowed, got " + violations);
        }
        boolean named = violations.stream().anyMatch(v -> v.check().equalsIgnoreCase(fixture.check()));
        return new Outcome(named, "expected a " + fixture.check() + " violation, got " + violations);
    }

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
