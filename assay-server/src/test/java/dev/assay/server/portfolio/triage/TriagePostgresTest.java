package dev.assay.server.portfolio.triage;

import dev.assay.server.portfolio.findings.TestDatabases;
import dev.assay.server.portfolio.store.PortfolioDatabase;

class TriagePostgresTest extends TriageContract {
    @Override
    PortfolioDatabase openFreshDatabase() {
        return TestDatabases.postgres();
    }
}
