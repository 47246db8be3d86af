package dev.assay.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.assay.model.Advisory;
import dev.assay.model.AffectedPackage;
import dev.assay.model.NoVerdictException;
import dev.assay.vulndb.store.AdvisoryDatabase;
import dev.assay.vulndb.store.AdvisoryDatabaseImporter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReopeningAdvisoryDatabaseTest {
    @TempDir
    Path directory;

    @Test
    void get_afterASecondCommit_returnsTheNewGeneration_andKeepsTheOldInstanceReadable() {
        commit(advisory("GHSA-aaaa-aaaa-aaaa", "2026-11-01T00:00:00Z"));
        ReopeningAdvisoryDatabase databases = new ReopeningAdvisoryDatabase(directory, false);

        AdvisoryDatabase first = databases.get();

        assertThat(databases.get()).as("no commit, no reopening").isSameAs(first);
        assertThat(first.modifiedById()).containsOnlyKeys("GHSA-aaaa-aaaa-aaaa");

        commit(advisory("GHSA-bbbb-bbbb-bbbb", "2026-12-01T00:00:00Z"));
        AdvisoryDatabase second = databases.get();

        assertThat(second).isNotSameAs(first);
        assertThat(second.modifiedById()).containsKey("GHSA-bbbb-bbbb-bbbb");
        assertThat(AdvisoryDatabases.summary(second).updatedAt())
                .isAfterOrEqualTo(AdvisoryDatabases.summary(first).updatedAt());
        assertThat(first.advisory("GHSA-aaaa-aaaa-aaaa"))
                .as("requests on the old generation finish")
                .isPresent();
        assertThat(databases.get()).isSameAs(second);
    }

    @Test
    void get_withoutADatabase_andNoSnapshotAllowed_isNoVerdict() {
        ReopeningAdvisoryDatabase databases = new ReopeningAdvisoryDatabase(directory.resolve("none"), false);

        assertThatThrownBy(databases::get).isInstanceOf(NoVerdictException.class);
    }

    private void commit(Advisory advisory) {
        try (AdvisoryDatabaseImporter importer = AdvisoryDatabase.importer(directory)) {
            importer.importAdvisories(List.of(advisory), "test");
            importer.commit();
        }
    }

    private static Advisory advisory(String id, String modified) {
        return new Advisory(
                id,
                List.of(),
                "test advisory",
                "",
                null,
                Instant.parse(modified),
                null,
                List.of(new AffectedPackage("npm", "left-pad", "", List.of(), List.of("1.0.0"), "")),
                List.of(),
                List.of(),
                "test");
    }
}
