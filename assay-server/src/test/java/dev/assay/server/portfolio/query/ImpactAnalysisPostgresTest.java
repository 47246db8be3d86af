package dev.assay.server.portfolio.query;

import dev.assay.server.portfolio.TestPostgres;
import dev.assay.server.portfolio.store.PortfolioDatabase;

/** Impact analysis on a real PostgreSQL ({@link TestPostgres}), with a new database per test. */
class ImpactAnalysisPostgresTest extends ImpactAnalysisContract {
    @Override
    PortfolioDatabase openFreshDatabase() {
        return TestPostgres.freshDatabase().open();
    }
}
