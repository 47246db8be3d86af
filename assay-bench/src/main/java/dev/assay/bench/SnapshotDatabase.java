package dev.assay.bench;

import dev.assay.engine.AdvisoryDatabases;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The advisory database the benchmarks read: {@code -Dassay.bench.db=DIR} (for example one built by
 * bench/scan from the full corpora), else the snapshot bundled with Assay, restored into a temporary
 * directory.
 */
final class SnapshotDatabase {
    private SnapshotDatabase() {}

    static Path directory() {
        String configured = System.getProperty("assay.bench.db");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        try {
            Path directory = Files.createTempDirectory("assay-bench-db-");
            AdvisoryDatabases.installSnapshot(directory);
            return directory;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
