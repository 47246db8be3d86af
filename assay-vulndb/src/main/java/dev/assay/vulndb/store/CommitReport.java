package dev.assay.vulndb.store;

import dev.assay.vulndb.StoreInfo;
import java.time.Duration;
import java.util.List;

/**
 * The outcome of {@link AdvisoryDatabaseImporter#commit()}.
 *
 * @param added advisories whose id was not in the database
 * @param updated advisories that replaced a stored one with the same id (newer {@code modified}, or
 *     different content where a {@code modified} is missing)
 * @param unchanged imported advisories that left the stored one in place (same content, or not newer)
 * @param advisories distinct advisories in the database after the commit
 * @param store the database's metadata after the commit
 * @param imports the report of every import call of this session, in order
 */
public record CommitReport(
        int added,
        int updated,
        int unchanged,
        int advisories,
        int kevEntries,
        int epssScores,
        StoreInfo store,
        List<ImportReport> imports,
        Duration duration) {
    public CommitReport {
        imports = List.copyOf(imports);
    }
}
