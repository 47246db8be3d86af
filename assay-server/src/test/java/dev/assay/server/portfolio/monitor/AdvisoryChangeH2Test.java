package dev.assay.server.portfolio.monitor;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** Advisory-change detection on the embedded H2 file database, two pools standing for two instances. */
class AdvisoryChangeH2Test extends AdvisoryChangeContract {
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
