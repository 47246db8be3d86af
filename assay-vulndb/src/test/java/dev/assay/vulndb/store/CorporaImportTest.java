package dev.assay.vulndb.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.assay.model.Advisory;
import dev.assay.model.Severity;
import dev.assay.testkit.Corpora;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every advisory of the shared corpora, imported once into one database. */
class CorporaImportTest {
    @TempDir
    static Path workspace;

    private static CommitReport commit;
    private static ImportReport advisoriesReport;
    private static Path database;

    @BeforeAll
    static void importCorpora() {
        Path advisories = Corpora.require("advisories");
        Path kev = Corpora.require("cisa-kev/known_exploited_vulnerabilities.json");
        database = workspace.resolve("db");
        try (AdvisoryDatabaseImporter importer = AdvisoryDatabase.importer(database)) {
            advisoriesReport = importer.importPath(advisories);
            importer.importPath(kev);
            commit = importer.commit();
        }
    }

    @Test
    void importPath_corpora_countsPerEcosystemMatchTheirSources() {
        // golang-vulndb 4,291 + the Go records among the osv-schema test data (same ids, deduplicated);
        // pypa 2,661 (+ osv-schema PYSEC-2023-74 and the GHSA converter's PyPI cases); rustsec 1,206.
        assertThat(commit.store().advisoriesByEcosystem().get("Go")).isBetween(4291, 4300);
        assertThat(commit.store().advisoriesByEcosystem().get("PyPI")).isBetween(2661, 2680);
        assertThat(commit.store().advisoriesByEcosystem().get("crates.io")).isBetween(1206, 1210);
        assertThat(commit.store().advisoriesByEcosystem().get("Maven")).isGreaterThanOrEqualTo(18);
        assertThat(commit.store().advisoriesByEcosystem().get("npm")).isGreaterThanOrEqualTo(10);
        assertThat(commit.kevEntries()).isEqualTo(1404);
    }

    @Test
    void importPath_corpora_skipsNonOsvFilesWithLocatedWarnings() {
        // The legacy nodejs-security-wg JSON, the OSV schema, the ecosystem list and the GHSA/CSAF inputs of
        // the converters are JSON but not OSV; the rustsec Markdown is not even opened.
        assertThat(advisoriesReport.warningCount()).isGreaterThanOrEqualTo(647);
        assertThat(advisoriesReport.warnings())
                .anySatisfy(warning -> assertThat(warning.location().path()).startsWith("nodejs-security-wg/"));
        assertThat(advisoriesReport.filesIgnored()).isGreaterThanOrEqualTo(1205);
        assertThat(advisoriesReport.errors())
                .allSatisfy(error -> assertThat(error.location().path())
                        .doesNotStartWith("golang-vulndb/")
                        .doesNotStartWith("pypa-advisory-database/")
                        .doesNotStartWith("rustsec-advisory-db/"));
    }

    @Test
    void open_corporaDatabase_findsLog4ShellWithScoredRating() {
        try (AdvisoryDatabase store = AdvisoryDatabase.open(database)) {
            List<Advisory> advisories = store.advisories("Maven", "org.apache.logging.log4j:log4j-core");

            Advisory log4Shell = advisories.stream()
                    .filter(advisory -> advisory.id().equals("GHSA-jfh8-c2jp-5v3q"))
                    .findFirst()
                    .orElseThrow();
            assertThat(log4Shell.aliases()).contains("CVE-2021-44228");
            assertThat(log4Shell.ratings()).anySatisfy(rating -> {
                assertThat(rating.score()).isEqualTo(10.0);
                assertThat(rating.severity()).isEqualTo(Severity.CRITICAL);
            });
            assertThat(store.kev("CVE-2021-44228")).isPresent();
        }
    }

    @Test
    void open_corporaDatabase_normalizesPythonNames() {
        try (AdvisoryDatabase store = AdvisoryDatabase.open(database)) {
            assertThat(store.advisories("PyPI", "Django")).isNotEmpty().isEqualTo(store.advisories("PyPI", "django"));
            assertThat(store.advisories("PyPI", "zope.interface"))
                    .isEqualTo(store.advisories("PyPI", "zope-interface"));
            assertThat(store.advisories("PyPI", "Jinja2")).isNotEmpty();
        }
    }

    @Test
    void open_corporaDatabase_keepsPypaRecordsThatFailSchemaValidation() {
        // Their GIT "fixed" events are short hashes; the records are still usable for matching.
        try (AdvisoryDatabase store = AdvisoryDatabase.open(database)) {
            for (String id : List.of("PYSEC-2021-371", "PYSEC-2021-424", "PYSEC-2019-155", "PYSEC-2023-80")) {
                assertThat(store.advisory(id)).as(id).isPresent();
            }
        }
    }

    @Test
    void open_corporaDatabase_keepsWithdrawnRustsecRecordsFlagged() {
        try (AdvisoryDatabase store = AdvisoryDatabase.open(database)) {
            assertThat(store.advisory("RUSTSEC-2020-0053").orElseThrow().isWithdrawn())
                    .isTrue();
        }
    }

    @Test
    void importPath_maliciousPackagesWithAnIdlessRecord_failsThatRecordOnly() {
        Path malicious = Corpora.require("malicious-packages/ossf-malicious-packages");
        try (AdvisoryDatabaseImporter importer = AdvisoryDatabase.importer(workspace.resolve("mal"))) {
            ImportReport report = importer.importPath(malicious);

            assertThat(report.recordsAccepted()).isEqualTo(1);
            assertThat(report.errors()).singleElement().satisfies(error -> {
                assertThat(error.location().path()).isEqualTo("MAL-0000-flatmap-stream.json");
                assertThat(error.reason()).contains("without an id");
            });
        }
    }
}
