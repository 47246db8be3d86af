package dev.assay.vulndb.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.assay.model.Advisory;
import dev.assay.model.InvalidInputException;
import dev.assay.model.UnableToParseException;
import dev.assay.model.Unknown;
import dev.assay.testkit.Fixtures;
import dev.assay.vulndb.osv.OsvFiles;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AdvisoryDatabaseImporterTest {
    @TempDir
    Path temp;

    private Path db() {
        return temp.resolve("db");
    }

    @Test
    void importPath_osvDirectory_reportsReadSkippedAndPerEcosystemCounts() throws IOException {
        Path tree = Files.createDirectories(temp.resolve("tree"));
        Files.copy(Fixtures.path(getClass(), "osv/go-record.json"), tree.resolve("GO-2099-0001.json"));
        Files.copy(Fixtures.path(getClass(), "osv/pypa-record.yaml"), tree.resolve("PYSEC-2099-7.yaml"));
        Files.copy(Fixtures.path(getClass(), "osv/ghsa-record.json"), tree.resolve("GHSA-xxxx-yyyy-zzzz.json"));
        Files.copy(Fixtures.path(getClass(), "osv/no-id.json"), tree.resolve("MAL-0000.json"));
        Files.copy(Fixtures.path(getClass(), "osv/legacy-npm-advisory.json"), tree.resolve("12.json"));
        Files.writeString(tree.resolve("RUSTSEC-2099-0001.md"), "```toml\n[advisory]\n```\n");

        try (AdvisoryDatabaseImporter importer = AdvisoryDatabase.importer(db())) {
            ImportReport report = importer.importPath(tree);

            assertThat(report.kind()).isEqualTo("osv");
            assertThat(report.recordsRead()).isEqualTo(4);
            assertThat(report.recordsAccepted()).isEqualTo(3);
            assertThat(report.recordsByEcosystem())
                    .containsEntry("Go", 1)
                    .containsEntry("PyPI", 1)
                    .containsEntry("Maven", 1)
                    .containsEntry("Debian", 1);
            assertThat(report.errorCount()).isEqualTo(1);
            assertThat(report.errors())
                    .extracting(Unknown::location)
                    .extracting(location -> location.path())
                    .containsExactly("MAL-0000.json");
            assertThat(report.errors().get(0).reason()).contains("without an id");
            assertThat(report.warningCount()).isEqualTo(1);
            assertThat(report.warnings().get(0).location().path()).isEqualTo("12.json");
            assertThat(report.filesIgnored()).isEqualTo(1);
            assertThat(report.skipped()).isEqualTo(2);
            CommitReport commit = importer.commit();
            assertThat(commit.added()).isEqualTo(3);
            assertThat(commit.imports()).containsExactly(report);
        }
        try (AdvisoryDatabase store = AdvisoryDatabase.open(db())) {
            assertThat(store.advisories("PyPI", "example-templates"))
                    .extracting(Advisory::id)
                    .containsExactly("PYSEC-2099-7");
            assertThat(store.advisories("Go", "example.com/parser"))
                    .extracting(Advisory::id)
                    .containsExactly("GO-2099-0001");
        }
    }

    @Test
    void importPath_osvZip_readsRecordsWithTheGivenSource() throws IOException {
        Path zip = temp.resolve("all.zip");
        try (OutputStream out = Files.newOutputStream(zip);
                ZipOutputStream zipOut = new ZipOutputStream(out)) {
            zipOut.putNextEntry(new ZipEntry("GO-2099-0001.json"));
            zipOut.write(Fixtures.bytes(getClass(), "osv/go-record.json"));
            zipOut.putNextEntry(new ZipEntry("BROKEN.json"));
            zipOut.write("{\"id\": ".getBytes(StandardCharsets.UTF_8));
            zipOut.closeEntry();
        }

        try (AdvisoryDatabaseImporter importer = AdvisoryDatabase.importer(db())) {
            ImportReport report = importer.importPath(zip, "osv:Go");
            assertThat(report.recordsAccepted()).isEqualTo(1);
            assertThat(report.errors())
                    .singleElement()
                    .satisfies(error ->
                            assertThat(error.location().path()).isEqualTo(zip.toAbsolutePath() + "!/BROKEN.json"));
            importer.commit();
        }
        try (AdvisoryDatabase store = AdvisoryDatabase.open(db())) {
            assertThat(store.advisory("GO-2099-0001").orElseThrow().source()).isEqualTo("osv:Go");
        }
    }

    @Test
    void importPath_zipOverTheArchiveLimits_failsTheCallAndKeepsTheSession() throws IOException {
        Path zip = temp.resolve("large.zip");
        try (OutputStream out = Files.newOutputStream(zip);
                ZipOutputStream zipOut = new ZipOutputStream(out)) {
            for (int i = 0; i < 5; i++) {
                zipOut.putNextEntry(new ZipEntry("Z-" + i + ".json"));
                zipOut.write(("{\"id\": \"Z-" + i + "\", \"details\": \"" + "z".repeat(5000) + "\"}")
                        .getBytes(StandardCharsets.UTF_8));
            }
        }

        try (AdvisoryDatabaseImporter importer = AdvisoryDatabase.importer(db())) {
            importer.importAdvisories(List.of(TestAdvisories.advisory("KEPT-1", null, "npm", "a")), "before");
            importer.limits(OsvFiles.DEFAULT_LIMITS.withMaxExpandedBytes(12_000));
            assertThatThrownBy(() -> importer.importZip(zip, null)).isInstanceOf(InvalidInputException.class);
            CommitReport commit = importer.commit();
            assertThat(commit.advisories()).isEqualTo(1);
        }
    }

    @Test
    void importPath_kevAndEpssInEveryForm_areRecognizedByContent() throws IOException {
        Path renamedKev = Files.copy(Fixtures.path(getClass(), "kev/kev-small.csv"), temp.resolve("catalog.csv"));
        try (AdvisoryDatabaseImporter importer = AdvisoryDatabase.importer(db())) {
            assertThat(importer.importPath(Fixtures.path(getClass(), "kev/kev-small.json"))
                            .kind())
                    .isEqualTo("kev");
            assertThat(importer.importPath(renamedKev).kind()).isEqualTo("kev");
            assertThat(importer.importPath(Fixtures.path(getClass(), "epss/epss_scores-2099-08-25.csv"))
                            .kind())
                    .isEqualTo("epss");
            ImportReport gz = importer.importPath(Fixtures.path(getClass(), "epss/epss_scores-2099-08-25.csv.gz"));
            assertThat(gz.kind()).isEqualTo("epss");
            assertThat(gz.recordsRead()).isEqualTo(6);
            assertThat(gz.recordsAccepted()).isEqualTo(3);
            assertThat(gz.errorCount()).isEqualTo(3);
        }
    }

    @Test
    void importPath_singleOsvRecord_isImported() {
        try (AdvisoryDatabaseImporter importer = AdvisoryDatabase.importer(db())) {
            ImportReport report = importer.importPath(Fixtures.path(getClass(), "osv/pypa-record.yaml"));
            assertThat(report.recordsAccepted()).isEqualTo(1);
        }
    }

    @Test
    void importPath_singleFileThatIsNoUsableRecord_throws() {
        try (AdvisoryDatabaseImporter importer = AdvisoryDatabase.importer(db())) {
            assertThatThrownBy(() -> importer.importPath(Fixtures.path(getClass(), "osv/no-id.json")))
                    .isInstanceOf(UnableToParseException.class)
                    .hasMessageContaining("without an id");
            assertThatThrownBy(() -> importer.importPath(Fixtures.path(getClass(), "osv/legacy-npm-advisory.json")))
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining("not an OSV record");
        }
    }

    @Test
    void importPath_unknownOrMissingInput_throwsInvalidInput() throws IOException {
        Path text = Files.writeString(temp.resolve("notes.txt"), "hello");
        try (AdvisoryDatabaseImporter importer = AdvisoryDatabase.importer(db())) {
            assertThatThrownBy(() -> importer.importPath(text))
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining("cannot tell what");
            assertThatThrownBy(() -> importer.importPath(temp.resolve("missing")))
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining("no such file or directory");
        }
    }

    @Test
    void commit_twice_isRefused() {
        try (AdvisoryDatabaseImporter importer = AdvisoryDatabase.importer(db())) {
            importer.commit();
            assertThatThrownBy(importer::commit).isInstanceOf(IllegalStateException.class);
            assertThatThrownBy(() -> importer.importPath(temp)).isInstanceOf(IllegalStateException.class);
        }
    }
}
