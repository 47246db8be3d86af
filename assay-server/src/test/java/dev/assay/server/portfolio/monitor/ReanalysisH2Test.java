package dev.assay.server.portfolio.monitor;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** Re-analysis on the embedded H2 file database. */
class ReanalysisH2Test extends ReanalysisContract {
    @TempDir
    Path directory;

    private MonitorDatabases databases;

    @Override
    MonitorDatabases databases() {
        if (databases == null) {
            databases = MonitorDatabases.h2(directory);
        }
        return databases;
    }
}
