package dev.assay.server.portfolio.api;

import dev.assay.server.portfolio.TestPostgres;
import dev.assay.server.portfolio.store.PortfolioDatabase;

/** Findings over the REST API on a real PostgreSQL ({@link TestPostgres}), a new database per test. */
class FindingsApiPostgresTest extends FindingsApiContract {
    @Override
    PortfolioDatabase openFreshDatabase() {
        return TestPostgres.freshDatabase().open();
    }
}
