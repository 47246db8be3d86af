package dev.assay.server.portfolio.api;

import dev.assay.server.portfolio.TestPostgres;
import dev.assay.server.portfolio.store.PortfolioDatabase;

/** Policy results over the REST API on a real PostgreSQL ({@link TestPostgres}), a new database per test. */
class PolicyResultsApiPostgresTest extends PolicyResultsApiContract {
    @Override
    PortfolioDatabase openFreshDatabase() {
        return TestPostgres.freshDatabase().open();
    }
}
