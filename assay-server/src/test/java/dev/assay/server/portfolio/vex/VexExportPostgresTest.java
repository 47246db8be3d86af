package dev.assay.server.portfolio.vex;

import dev.assay.server.portfolio.findings.TestDatabases;
import dev.assay.server.portfolio.store.PortfolioDatabase;

class VexExportPostgresTest extends VexExportContract {
    @Override
    PortfolioDatabase openFreshDatabase() {
        return TestDatabases.postgres();
    }
}
