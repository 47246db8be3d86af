package dev.assay.vulndb.store;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A second process for {@link AtomicityTest}: takes the write lock of a database directory, says so on
 * stdout and keeps it until its stdin is closed.
 */
public final class LockHolderProcess {
    private LockHolderProcess() {}

    public static void main(String[] args) throws IOException {
        try (AdvisoryDatabaseImporter importer = AdvisoryDatabase.importer(Path.of(args[0]))) {
            System.out.println("locked");
            System.out.flush();
            while (System.in.read() != -1) {
                // wait for the test to close our stdin
            }
        }
    }
}
