package dev.assay.engine;

import dev.assay.vulndb.AdvisoryStore;
import dev.assay.vulndb.store.AdvisoryDatabase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.function.Supplier;

/**
 * The advisory database of a long-running process (the server): an open {@link AdvisoryDatabase} keeps
 * reading the generation it opened, so this reopens it when {@code assay db update} or an import commits a
 * new one. A commit replaces the manifest, so a changed manifest means a new generation.
 *
 * <p>The replaced instance is not closed: requests still matching against it finish on the generation they
 * started with, and its mappings are released by the garbage collector.
 */
public final class ReopeningAdvisoryDatabase implements Supplier<AdvisoryStore> {
    /** The manifest and commit point of a database directory (see {@link AdvisoryDatabase}). */
    static final String MANIFEST = "assay-db.json";

    private final Path directory;
    private final boolean installSnapshot;
    private AdvisoryDatabase database;
    private byte[] manifest;

    /** @param installSnapshot as in {@link AdvisoryDatabases#open(Path, boolean)} */
    public ReopeningAdvisoryDatabase(Path directory, boolean installSnapshot) {
        this.directory = directory;
        this.installSnapshot = installSnapshot;
    }

    /**
     * The newest committed generation.
     *
     * @throws dev.assay.model.NoVerdictException when there is no database and none may be installed
     */
    @Override
    public synchronized AdvisoryDatabase get() {
        byte[] onDisk = readManifest();
        if (database == null || onDisk == null || !Arrays.equals(onDisk, manifest)) {
            // Read before opening: a commit in between leaves an older manifest here and reopens once more
            // on the next call, never keeps a stale database.
            AdvisoryDatabase opened = AdvisoryDatabases.open(directory, installSnapshot);
            manifest = onDisk == null ? readManifest() : onDisk;
            database = opened;
        }
        return database;
    }

    public Path directory() {
        return directory;
    }

    private byte[] readManifest() {
        try {
            return Files.readAllBytes(directory.resolve(MANIFEST));
        } catch (IOException e) {
            return null;
        }
    }
}
