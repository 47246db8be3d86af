package dev.assay.vulndb.store;

import static dev.assay.vulndb.store.TestAdvisories.advisory;
import static dev.assay.vulndb.store.TestAdvisories.advisoryWithSummary;
import static org.assertj.core.api.Assertions.assertThat;

import dev.assay.model.Advisory;
import dev.assay.testkit.Fixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IncrementalImportTest {
    @TempDir
    Path db;

    private static CommitReport commit(Path db, List<Advisory> advisories) {
        try (AdvisoryDatabaseImporter importer = AdvisoryDatabase.importer(db)) {
            importer.importAdvisories(advisories, "test");
            return importer.commit();
        }
    }

    @Test
    void commit_intoExistingStore_replacesOnlyNewerRecordsAndKeepsTheRest() {
        commit(
                db,
                List.of(
                        advisoryWithSummary("KEEP-1", "2099-01-01T00:00:00Z", "kept", "npm", "a"),
                        advisoryWithSummary("NEWER-1", "2099-01-01T00:00:00Z", "old text", "npm", "b"),
                        advisoryWithSummary("OLDER-1", "2099-06-01T00:00:00Z", "stored text", "npm", "c"),
                        advisoryWithSummary("SAME-1", "2099-01-01T00:00:00Z", "same", "npm", "d")));

        CommitReport report = commit(
                db,
                List.of(
                        advisoryWithSummary("NEWER-1", "2099-02-01T00:00:00Z", "new text", "npm", "b"),
                        advisoryWithSummary("OLDER-1", "2099-05-01T00:00:00Z", "outdated text", "npm", "c"),
                        advisoryWithSummary("SAME-1", "2099-01-01T00:00:00Z", "same", "npm", "d"),
                        advisoryWithSummary("NEW-1", "2099-01-01T00:00:00Z", "brand new", "npm", "e")));

        assertThat(report.added()).isEqualTo(1);
        assertThat(report.updated()).isEqualTo(1);
        assertThat(report.unchanged()).isEqualTo(2);
        assertThat(report.advisories()).isEqualTo(5);
        try (AdvisoryDatabase store = AdvisoryDatabase.open(db)) {
            assertThat(store.advisory("KEEP-1").orElseThrow().summary()).isEqualTo("kept");
            assertThat(store.advisory("NEWER-1").orElseThrow().summary()).isEqualTo("new text");
            assertThat(store.advisory("OLDER-1").orElseThrow().summary()).isEqualTo("stored text");
            assertThat(store.advisory("NEW-1").orElseThrow().summary()).isEqualTo("brand new");
            assertThat(store.advisories("npm", "b"))
                    .extracting(Advisory::summary)
                    .containsExactly("new text");
            assertThat(store.info().advisoriesByEcosystem()).containsEntry("npm", 5);
        }
    }

    @Test
    void commit_updatedRecordThatMovedPackage_isIndexedUnderItsNewPackageOnly() {
        commit(db, List.of(advisory("MOVE-1", "2099-01-01T00:00:00Z", "npm", "old-name")));

        commit(db, List.of(advisory("MOVE-1", "2099-02-01T00:00:00Z", "PyPI", "new-name")));

        try (AdvisoryDatabase store = AdvisoryDatabase.open(db)) {
            assertThat(store.advisories("npm", "old-name")).isEmpty();
            assertThat(store.advisories("PyPI", "new-name"))
                    .extracting(Advisory::id)
                    .containsExactly("MOVE-1");
            assertThat(store.info().advisoriesByEcosystem()).containsOnlyKeys("PyPI");
        }
    }

    @Test
    void commit_withoutModifiedDates_theLaterImportWinsWhenContentDiffers() {
        commit(
                db,
                List.of(
                        advisoryWithSummary("NODATE-1", null, "first", "Go", "example.com/a"),
                        advisoryWithSummary("NODATE-2", null, "first", "Go", "example.com/b")));

        CommitReport report = commit(
                db,
                List.of(
                        advisoryWithSummary("NODATE-1", null, "second", "Go", "example.com/a"),
                        advisoryWithSummary("NODATE-2", null, "first", "Go", "example.com/b")));

        assertThat(report.updated()).isEqualTo(1);
        assertThat(report.unchanged()).isEqualTo(1);
        try (AdvisoryDatabase store = AdvisoryDatabase.open(db)) {
            assertThat(store.advisory("NODATE-1").orElseThrow().summary()).isEqualTo("second");
        }
    }

    @Test
    void commit_sameIdTwiceInOneSession_keepsTheNewer() {
        try (AdvisoryDatabaseImporter importer = AdvisoryDatabase.importer(db)) {
            ImportReport first = importer.importAdvisories(
                    List.of(
                            advisoryWithSummary("DUP-1", "2099-03-01T00:00:00Z", "newest", "npm", "a"),
                            advisoryWithSummary("DUP-1", "2099-01-01T00:00:00Z", "oldest", "npm", "a")),
                    "one");
            ImportReport second = importer.importAdvisories(
                    List.of(advisoryWithSummary("DUP-1", "2099-02-01T00:00:00Z", "middle", "npm", "a")), "two");
            CommitReport report = importer.commit();

            assertThat(first.duplicates()).isEqualTo(1);
            assertThat(first.recordsAccepted()).isEqualTo(1);
            assertThat(second.duplicates()).isEqualTo(1);
            assertThat(report.added()).isEqualTo(1);
        }
        try (AdvisoryDatabase store = AdvisoryDatabase.open(db)) {
            assertThat(store.advisories("npm", "a"))
                    .extracting(Advisory::summary)
                    .containsExactly("newest");
        }
    }

    @Test
    void commit_reimportOfTheSameRecords_changesNothing() {
        List<Advisory> advisories =
                List.of(advisory("R-1", "2099-01-01T00:00:00Z", "npm", "a"), TestAdvisories.full("R-2"));
        commit(db, advisories);

        CommitReport report = commit(db, advisories);

        assertThat(report.added()).isZero();
        assertThat(report.updated()).isZero();
        assertThat(report.unchanged()).isEqualTo(2);
    }

    @Test
    void commit_kevOnly_keepsAdvisoriesAndEpss() {
        try (AdvisoryDatabaseImporter importer = AdvisoryDatabase.importer(db)) {
            importer.importAdvisories(List.of(advisory("K-1", null, "npm", "a")), "test");
            importer.importEpss(Fixtures.path(getClass(), "epss/epss_scores-2099-08-25.csv"));
            importer.commit();
        }

        try (AdvisoryDatabaseImporter importer = AdvisoryDatabase.importer(db)) {
            importer.importKev(Fixtures.path(getClass(), "kev/kev-small.json"));
            CommitReport report = importer.commit();
            assertThat(report.added() + report.updated() + report.unchanged()).isZero();
        }

        try (AdvisoryDatabase store = AdvisoryDatabase.open(db)) {
            assertThat(store.advisories("npm", "a")).hasSize(1);
            assertThat(store.epss("CVE-2099-3333")).isPresent();
            assertThat(store.kev("CVE-2099-1111")).isPresent();
            assertThat(store.info().sources())
                    .extracting(source -> source.kind())
                    .containsExactly("osv", "epss", "kev");
        }
    }

    @Test
    void commit_manyTimes_keepsOnlyTheCurrentGeneration() throws IOException {
        for (int i = 0; i < 4; i++) {
            commit(db, List.of(advisory("GEN-" + i, null, "npm", "a")));
        }

        try (Stream<Path> files = Files.list(db)) {
            assertThat(files.map(file -> file.getFileName().toString()).filter(name -> name.endsWith(".rec")))
                    .containsExactly("advisories-4.rec");
        }
        try (AdvisoryDatabase store = AdvisoryDatabase.open(db)) {
            assertThat(store.advisories("npm", "a")).hasSize(4);
        }
    }
}
