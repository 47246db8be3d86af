package dev.assay.server.portfolio.monitor;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** Re-analysis on a real PostgreSQL. */
class ReanalysisPostgresTest extends ReanalysisContract {
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
