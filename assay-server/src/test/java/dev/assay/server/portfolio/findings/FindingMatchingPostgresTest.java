package dev.assay.server.portfolio.findings;

import dev.assay.server.portfolio.store.PortfolioDatabase;

class FindingMatchingPostgresTest extends FindingMatchingContract {
    @Override
    PortfolioDatabase openFreshDatabase() {
        return TestDatabases.postgres();
    }
}
