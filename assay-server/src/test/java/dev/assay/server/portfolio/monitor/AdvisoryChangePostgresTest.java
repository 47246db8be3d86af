package dev.assay.server.portfolio.monitor;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** Advisory-change detection on a real PostgreSQL, two pools standing for two instances. */
class AdvisoryChangePostgresTest extends AdvisoryChangeContract {
    private static MonitorDatabases postgres;

    @BeforeAll
    static void start() {
        postgres = MonitorDatabases.postgres();
    }

    @AfterAll
    static void stop() {
        if (postgres != null) {
            postgres.close();
        }
    }

    @Override
    MonitorDatabases databases() {
        return postgres;
    }
}
