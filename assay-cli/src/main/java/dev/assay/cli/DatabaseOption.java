package dev.assay.cli;

import dev.assay.vulndb.DatabaseLocation;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code --db DIR}, shared by {@code scan} and every {@code db} subcommand. */
final class DatabaseOption {
    @Option(
            names = "--db",
            paramLabel = "DIR",
            description =
                    "Advisory database directory (default: $ASSAY_DB, else the user cache, e.g. ~/.cache/assay/db).")
    String directory;

    Path resolve() {
        return DatabaseLocation.resolve(directory, System.getenv());
    }

    /**
     * Whether the database is the default one, which Assay may fill with its bundled snapshot; a directory
     * the user named is never filled behind their back.
     */
    boolean isDefaultLocation() {
        String fromEnvironment = System.getenv(DatabaseLocation.ENVIRONMENT_VARIABLE);
        return directory == null && (fromEnvironment == null || fromEnvironment.isBlank());
    }
}
