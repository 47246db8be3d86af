package dev.assay.server.portfolio.vex;

import dev.assay.server.portfolio.findings.TestDatabases;
import dev.assay.server.portfolio.store.PortfolioDatabase;

class VexExportH2Test extends VexExportContract {
    @org.junit.jupiter.api.io.TempDir
    java.nio.file.Path dataDir;

    @Override
    PortfolioDatabase openFreshDatabase() {
        return TestDatabases.h2(dataDir);
    }
}
