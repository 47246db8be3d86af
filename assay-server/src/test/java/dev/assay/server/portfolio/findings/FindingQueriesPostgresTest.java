package dev.assay.server.portfolio.findings;

import dev.assay.server.portfolio.store.PortfolioDatabase;

class FindingQueriesPostgresTest extends FindingQueriesContract {
    @Override
    PortfolioDatabase openFreshDatabase() {
        return TestDatabases.postgres();
    }
}
