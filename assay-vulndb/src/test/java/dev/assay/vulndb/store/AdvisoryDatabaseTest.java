package dev.assay.vulndb.store;

import static dev.assay.vulndb.store.TestAdvisories.advisory;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.assay.model.Advisory;
import dev.assay.model.EpssScore;
import dev.assay.model.KevEntry;
import dev.assay.model.NoVerdictException;
import dev.assay.testkit.Fixtures;
import dev.assay.vulndb.StoreInfo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AdvisoryDatabaseTest {
    static final Instant NOW = Instant.parse("2099-12-24T10:00:00Z");

    @TempDir
    Path temp;

    static CommitReport write(Path db, List<Advisory> advisories) {
        try (AdvisoryDatabaseImporter importer = AdvisoryDatabaseImporter.open(db, Clock.fixed(NOW, ZoneOffset.UTC))) {
            importer.importAdvisories(advisories, "test");
            return importer.commit();
        }
    }

    @Test
    void advisories_afterWriteAndOpen_returnEqualValues() {
        Advisory full = TestAdvisories.full("FULL-1");
        Advisory other = advisory("OTHER-1", "2099-01-01T00:00:00Z", "PyPI", "zope-interface", "requests");
        Path db = temp.resolve("db");
        write(db, List.of(full, other));

        try (AdvisoryDatabase store = AdvisoryDatabase.open(db)) {
            assertThat(store.advisories("Debian", "libexample")).containsExactly(full);
            assertThat(store.advisories("PyPI", "zope.interface")).containsExactly(full, other);
            assertThat(store.advisories("PyPI", "requests")).containsExactly(other);
            assertThat(store.advisory("FULL-1")).contains(full);
            assertThat(store.advisory("MISSING-1")).isEmpty();
            assertThat(store.advisories("PyPI", "nothing-here")).isEmpty();
            assertThat(store.advisories("npm", "requests")).isEmpty();
        }
    }

    @Test
    void advisories_namesSpelledAsInventoriesHaveThem_areNormalized() {
        Path db = temp.resolve("db");
        write(
                db,
                List.of(
                        advisory("PY-1", null, "PyPI", "Django"),
                        advisory("PY-2", null, "PyPI", "zope.interface"),
                        advisory("RS-1", null, "crates.io", "tokio_util"),
                        advisory("MVN-1", null, "Maven", "org.Example:Lib"),
                        advisory("DEB-1", null, "Debian:12", "OpenSSL")));

        try (AdvisoryDatabase store = AdvisoryDatabase.open(db)) {
            assertThat(store.advisories("PyPI", "django"))
                    .extracting(Advisory::id)
                    .containsExactly("PY-1");
            assertThat(store.advisories("PyPI", "DJANGO"))
                    .extracting(Advisory::id)
                    .containsExactly("PY-1");
            assertThat(store.advisories("PyPI", "zope-interface"))
                    .extracting(Advisory::id)
                    .containsExactly("PY-2");
            assertThat(store.advisories("PyPI", "Zope_Interface"))
                    .extracting(Advisory::id)
                    .containsExactly("PY-2");
            assertThat(store.advisories("crates.io", "tokio-util"))
                    .extracting(Advisory::id)
                    .containsExactly("RS-1");
            // Maven is case-sensitive.
            assertThat(store.advisories("Maven", "org.example:lib")).isEmpty();
            assertThat(store.advisories("Maven", "org.Example:Lib"))
                    .extracting(Advisory::id)
                    .containsExactly("MVN-1");
            // The release suffix is not part of the key; the record keeps it for the matcher.
            assertThat(store.advisories("Debian", "openssl"))
                    .singleElement()
                    .satisfies(found ->
                            assertThat(found.affected().get(0).ecosystem()).isEqualTo("Debian:12"));
        }
    }

    @Test
    void advisories_withdrawnRecord_isKeptAndFlagged() {
        Advisory withdrawn = new Advisory(
                "GONE-1",
                List.of(),
                "s",
                "d",
                null,
                NOW,
                NOW,
                advisory("X", null, "npm", "left-pad").affected(),
                List.of(),
                List.of(),
                "test");
        Path db = temp.resolve("db");
        write(db, List.of(withdrawn));

        try (AdvisoryDatabase store = AdvisoryDatabase.open(db)) {
            assertThat(store.advisories("npm", "left-pad")).singleElement().satisfies(found -> {
                assertThat(found.isWithdrawn()).isTrue();
                assertThat(found).isEqualTo(withdrawn);
            });
        }
    }

    @Test
    void advisories_recordsCrossingWindowBoundaries_roundTrip() {
        // 4 KiB windows: records of 1-3 KiB force padding and frames at window starts.
        List<Advisory> advisories = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            advisories.add(TestAdvisories.advisoryWithSummary(
                    "WIN-" + i, null, "x".repeat(500 + (i * 37) % 2500), "npm", "pkg-" + (i % 17)));
        }
        Path db = temp.resolve("db");
        try (AdvisoryDatabaseImporter importer = AdvisoryDatabase.importer(db).windowShift(12)) {
            importer.importAdvisories(advisories, "test");
            importer.commit();
        }

        try (AdvisoryDatabase store = AdvisoryDatabase.open(db)) {
            store.verify();
            for (Advisory advisory : advisories) {
                assertThat(store.advisory(advisory.id())).contains(advisory);
            }
            assertThat(store.advisories("npm", "pkg-3")).hasSize(12);
        }
    }

    @Test
    void kevAndEpss_afterImport_areLookedUpCaseInsensitively() {
        Path db = temp.resolve("db");
        try (AdvisoryDatabaseImporter importer = AdvisoryDatabase.importer(db)) {
            importer.importPath(Fixtures.path(getClass(), "kev/kev-small.json"));
            importer.importPath(Fixtures.path(getClass(), "epss/epss_scores-2099-08-25.csv.gz"));
            CommitReport report = importer.commit();
            assertThat(report.kevEntries()).isEqualTo(2);
            assertThat(report.epssScores()).isEqualTo(3);
        }

        try (AdvisoryDatabase store = AdvisoryDatabase.open(db)) {
            assertThat(store.kev("cve-2099-1111"))
                    .contains(new KevEntry(
                            "CVE-2099-1111",
                            "Example",
                            "Parser",
                            LocalDate.parse("2099-08-25"),
                            LocalDate.parse("2099-09-15"),
                            true));
            assertThat(store.kev("CVE-2099-3333"))
                    .hasValueSatisfying(entry -> assertThat(entry.dateAdded()).isNull());
            assertThat(store.kev("CVE-2099-2222")).isEmpty();
            assertThat(store.epss("CVE-2099-2222")).contains(new EpssScore("CVE-2099-2222", 0.00043, 0.11));
            assertThat(store.epss(" cve-2099-1111 ")).contains(new EpssScore("CVE-2099-1111", 0.97512, 0.99987));
            assertThat(store.epss("CVE-2099-4444")).isEmpty();
            assertThat(store.info().kevEntries()).isEqualTo(2);
            assertThat(store.info().epssScores()).isEqualTo(3);
        }
    }

    @Test
    void info_afterImports_describesContentsAndSources() {
        Path db = temp.resolve("db");
        try (AdvisoryDatabaseImporter importer = AdvisoryDatabaseImporter.open(db, Clock.fixed(NOW, ZoneOffset.UTC))
                .snapshot(true)) {
            importer.importAdvisories(
                    List.of(
                            advisory("A-1", null, "npm", "a"),
                            advisory("A-2", null, "npm", "b"),
                            TestAdvisories.full("A-3")),
                    "fixtures");
            importer.importKev(Fixtures.path(getClass(), "kev/kev-small.csv"));
            importer.commit();
        }

        try (AdvisoryDatabase store = AdvisoryDatabase.open(db)) {
            StoreInfo info = store.info();
            assertThat(info.location()).isEqualTo(db.toString());
            assertThat(info.updatedAt()).isEqualTo(NOW);
            assertThat(info.snapshot()).isTrue();
            assertThat(info.advisoriesByEcosystem())
                    .containsExactly(
                            java.util.Map.entry("Debian", 1),
                            java.util.Map.entry("PyPI", 1),
                            java.util.Map.entry("npm", 2));
            assertThat(store.advisoryCount()).isEqualTo(3);
            assertThat(info.kevEntries()).isEqualTo(2);
            assertThat(info.sources()).extracting(StoreInfo.Source::kind).containsExactly("osv", "kev");
            assertThat(info.sources().get(0).origin()).isEqualTo("fixtures");
            assertThat(info.sources().get(0).records()).isEqualTo(3);
            assertThat(info.sources().get(0).importedAt()).isEqualTo(NOW);
        }
    }

    @Test
    void open_missingDatabase_throwsNoVerdict() {
        Path db = temp.resolve("nothing-here");

        assertThatThrownBy(() -> AdvisoryDatabase.open(db))
                .isInstanceOf(NoVerdictException.class)
                .isNotInstanceOf(CorruptAdvisoryDatabaseException.class)
                .hasMessage("no advisory database at " + db + "; run assay db update or assay db import");
    }

    @Test
    void open_emptyDirectory_throwsNoVerdict() throws Exception {
        Path db = Files.createDirectories(temp.resolve("empty"));

        assertThatThrownBy(() -> AdvisoryDatabase.open(db)).isInstanceOf(NoVerdictException.class);
    }

    @Test
    void advisories_afterClose_throwIllegalState() {
        Path db = temp.resolve("db");
        write(db, List.of(advisory("A-1", null, "npm", "a")));
        AdvisoryDatabase store = AdvisoryDatabase.open(db);
        store.close();

        assertThatThrownBy(() -> store.advisories("npm", "a")).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void open_emptyStore_answersNothing() {
        Path db = temp.resolve("db");
        write(db, List.of());

        try (AdvisoryDatabase store = AdvisoryDatabase.open(db)) {
            assertThat(store.advisories("npm", "a")).isEmpty();
            assertThat(store.kev("CVE-2099-1111")).isEmpty();
            assertThat(store.epss("CVE-2099-1111")).isEmpty();
            assertThat(store.advisoryCount()).isZero();
            store.verify();
        }
    }
}
