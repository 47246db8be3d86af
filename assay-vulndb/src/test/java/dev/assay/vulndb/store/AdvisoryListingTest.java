package dev.assay.vulndb.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.assay.model.Advisory;
import dev.assay.vulndb.AdvisoryListing;
import dev.assay.vulndb.InMemoryAdvisoryStore;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AdvisoryListingTest {
    @TempDir
    Path temp;

    private static final List<Advisory> ADVISORIES = List.of(
            TestAdvisories.advisory("GHSA-bbbb", "2024-05-01T10:00:00Z", "npm", "left-pad"),
            TestAdvisories.advisory("GHSA-aaaa", "2023-01-02T03:04:05.123Z", "Maven", "g:a"),
            TestAdvisories.advisory("PYSEC-1", null, "PyPI", "django"));

    @Test
    void modifiedById_database_listsEveryIdInOrderWithItsModifiedTime() {
        Path db = temp.resolve("db");
        try (AdvisoryDatabaseImporter importer = AdvisoryDatabase.importer(db)) {
            importer.importAdvisories(ADVISORIES, "test");
            importer.commit();
        }
        try (AdvisoryDatabase store = AdvisoryDatabase.open(db)) {
            assertListing(store);
        }
    }

    @Test
    void modifiedById_inMemory_agreesWithTheDatabase() {
        assertListing(InMemoryAdvisoryStore.of(ADVISORIES));
    }

    private static void assertListing(AdvisoryListing listing) {
        assertThat(listing.modifiedById())
                .containsExactly(
                        org.assertj.core.api.Assertions.entry("GHSA-aaaa", Instant.parse("2023-01-02T03:04:05.123Z")),
                        org.assertj.core.api.Assertions.entry("GHSA-bbbb", Instant.parse("2024-05-01T10:00:00Z")),
                        org.assertj.core.api.Assertions.entry("PYSEC-1", AdvisoryListing.NO_MODIFIED));
        assertThat(listing.advisory("GHSA-bbbb")).map(Advisory::id).contains("GHSA-bbbb");
        assertThat(listing.advisory("ghsa-bbbb")).isEmpty();
    }
}
