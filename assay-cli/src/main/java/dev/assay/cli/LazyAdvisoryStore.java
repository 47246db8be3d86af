package dev.assay.cli;

import dev.assay.engine.AdvisoryDatabases;
import dev.assay.vulndb.AdvisoryStore;
import dev.assay.vulndb.store.AdvisoryDatabase;
import java.nio.file.Path;
import java.util.function.Supplier;

/**
 * The advisory database an ImagePolicy with {@code vulnerabilities.scan: true} matches against, opened on
 * its first scan and kept open for the life of the process: a server whose policies never scan never
 * touches the database, and one that does pays the opening once.
 */
final class LazyAdvisoryStore implements Supplier<AdvisoryStore> {
    private final Path directory;
    private final boolean installSnapshot;
    private AdvisoryDatabase database;

    LazyAdvisoryStore(DatabaseOption option) {
        this.directory = option.resolve();
        this.installSnapshot = option.isDefaultLocation();
    }

    /** @throws dev.assay.model.NoVerdictException when the database cannot be opened */
    @Override
    public synchronized AdvisoryStore get() {
        if (database == null) {
            database = AdvisoryDatabases.open(directory, installSnapshot);
        }
        return database;
    }

    Path directory() {
        return directory;
    }
}
