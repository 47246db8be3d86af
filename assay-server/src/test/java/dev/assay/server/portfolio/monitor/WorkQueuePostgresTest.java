package dev.assay.server.portfolio.monitor;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The work queue on a real PostgreSQL, two connection pools standing for two server instances. */
class WorkQueuePostgresTest extends WorkQueueContract {
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
