package dev.assay.server.portfolio.monitor;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** Webhooks on a real PostgreSQL. */
class WebhookPostgresTest extends WebhookContract {
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
