package dev.assay.vulndb.cvss;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.assay.model.Rating;
import dev.assay.model.Severity;
import dev.assay.model.untrusted.SafeJson;
import dev.assay.model.untrusted.SafeYaml;
import dev.assay.testkit.Corpora;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every CVSS vector in the shared advisory corpora (real OSV records from GitHub, RustSec, PyPA, the Go
 * vulnerability database and the Node.js Security WG), run through the importer's entry point.
 */
class CvssCorpusTest {
    private static final String ADVISORIES = "advisories";

    /** One OSV {@code severity[]} entry and the record's database label, if it has one. */
    private record SeverityEntry(Path file, String type, String vector, String databaseLabel) {}

    @Test
    void rating_everyOsvSeverityEntryInTheCorpora_isScored() throws IOException {
        List<SeverityEntry> entries = osvSeverityEntries(Corpora.require(ADVISORIES));

        // 595 CVSS_V3 and 57 CVSS_V4 entries when this test was written; fewer means a reader broke.
        assertThat(entries).hasSizeGreaterThanOrEqualTo(650);
        assertThat(entries).extracting(SeverityEntry::type).contains(Cvss.CVSS_V3, Cvss.CVSS_V4);
        for (SeverityEntry entry : entries) {
            Optional<Rating> rating = Cvss.rating(entry.type(), entry.vector(), "corpus");
            assertThat(rating).as("%s in %s", entry.vector(), entry.file()).isPresent();
            assertThat(rating.get().score()).isBetween(0.0, 10.0);
        }
    }

    @Test
    void rating_githubReviewedAdvisories_agreeWithGithubSeverityLabel() throws IOException {
        // GitHub derives database_specific.severity from the CVSS score of reviewed advisories, so the
        // label is an independent check of the score's band.
        List<SeverityEntry> labelled = osvSeverityEntries(Corpora.require(ADVISORIES)).stream()
                .filter(entry -> !entry.databaseLabel().isEmpty())
                .toList();

        assertThat(labelled).hasSizeGreaterThanOrEqualTo(25);
        for (SeverityEntry entry : labelled) {
            Severity expected = Severity.fromLabel(entry.databaseLabel()).orElseThrow();
            assertThat(Cvss.rating(entry.type(), entry.vector(), "GHSA")
                            .orElseThrow()
                            .severity())
                    .as("%s in %s", entry.vector(), entry.file())
                    .isEqualTo(expected);
        }
    }

    @Test
    void baseScore_nodejsSecurityWgAdvisories_matchPublishedScoreUnlessKnownMisscored() throws IOException {
        Path advisories = Corpora.require(ADVISORIES + "/nodejs-security-wg/vuln");
        Map<String, String[]> misscored = new HashMap<>();
        for (String[] row : CvssV3Test.TsvResource.rows("cvss/nodejs-security-wg-misscored.tsv")) {
            misscored.put(row[0], row);
        }
        int checked = 0;
        for (Path file : jsonFiles(advisories)) {
            JsonNode advisory = SafeJson.read(Files.readAllBytes(file), file.toString());
            String vector = advisory.path("cvss_vector").asText("").strip();
            if (vector.isEmpty()) {
                continue;
            }
            String name = advisories.relativize(file).toString().replace('\\', '/');
            double published = advisory.path("cvss_score").asDouble();
            Optional<Rating> rating = Cvss.rating(Cvss.CVSS_V3, vector, "nodejs-security-wg");
            String[] known = misscored.get(name);
            if (known == null) {
                assertThat(rating).as(name).isPresent();
                assertThat(rating.get().score()).as("%s %s", name, vector).isEqualTo(published);
            } else if (known[3].equals("INVALID")) {
                assertThat(rating).as(name).isEmpty();
            } else {
                assertThat(rating.get().score()).as("%s %s", name, vector).isEqualTo(Double.parseDouble(known[3]));
                assertThat(published)
                        .as("%s is listed as misscored", name)
                        .isNotEqualTo(rating.get().score());
            }
            checked++;
        }
        assertThat(checked).isEqualTo(458);
    }

    private static List<SeverityEntry> osvSeverityEntries(Path root) throws IOException {
        List<SeverityEntry> entries = new ArrayList<>();
        for (Path file : jsonFiles(root)) {
            JsonNode record;
            try {
                record = SafeJson.read(Files.readAllBytes(file), file.toString());
            } catch (dev.assay.model.InvalidInputException notJson) {
                continue;
            }
            String label = record.path("database_specific").path("severity").asText("");
            for (JsonNode severity : record.path("severity")) {
                addCvss(
                        entries,
                        file,
                        severity.path("type").asText(""),
                        severity.path("score").asText(""),
                        label);
            }
        }
        for (Path file : yamlFiles(root.resolve("pypa-advisory-database"))) {
            Object loaded = SafeYaml.load(Files.readString(file, StandardCharsets.UTF_8), file.toString());
            if (loaded instanceof Map<?, ?> record && record.get("severity") instanceof List<?> severities) {
                for (Object severity : severities) {
                    if (severity instanceof Map<?, ?> entry) {
                        addCvss(
                                entries,
                                file,
                                String.valueOf(entry.get("type")),
                                String.valueOf(entry.get("score")),
                                "");
                    }
                }
            }
        }
        return entries;
    }

    private static void addCvss(List<SeverityEntry> entries, Path file, String type, String vector, String label) {
        if (type.startsWith("CVSS_")) {
            entries.add(new SeverityEntry(file, type, vector, label));
        }
    }

    private static List<Path> jsonFiles(Path root) throws IOException {
        return filesEndingWith(root, ".json");
    }

    private static List<Path> yamlFiles(Path root) throws IOException {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        return filesEndingWith(root, ".yaml");
    }

    private static List<Path> filesEndingWith(Path root, String suffix) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile)
                    .filter(path -> path.getFileName().toString().endsWith(suffix))
                    .sorted()
                    .toList();
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}
