package dev.assay.server.portfolio.api;

import dev.assay.server.portfolio.TestPostgres;
import dev.assay.server.portfolio.store.PortfolioDatabase;

/** The REST API on a real PostgreSQL ({@link TestPostgres}), a new database per test. */
class PortfolioApiPostgresTest extends PortfolioApiContract {
    @Override
    PortfolioDatabase openFreshDatabase() {
        return TestPostgres.freshDatabase().open();
    }
}
