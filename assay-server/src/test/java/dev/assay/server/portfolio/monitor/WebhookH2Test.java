package dev.assay.server.portfolio.monitor;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** Webhooks on the embedded H2 file database. */
class WebhookH2Test extends WebhookContract {
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
