package dev.assay.server.portfolio.policy;

import dev.assay.server.portfolio.findings.TestDatabases;
import dev.assay.server.portfolio.store.PortfolioDatabase;

class PolicyResultsPostgresTest extends PolicyResultsContract {
    @Override
    PortfolioDatabase openFreshDatabase() {
        return TestDatabases.postgres();
    }
}
