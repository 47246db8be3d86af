package dev.assay.server.portfolio.monitor;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The work queue on the embedded H2 file database, two pools standing for two instances in one process. */
class WorkQueueH2Test extends WorkQueueContract {
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
