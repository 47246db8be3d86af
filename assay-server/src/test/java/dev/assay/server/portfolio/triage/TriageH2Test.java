package dev.assay.server.portfolio.triage;

import dev.assay.server.portfolio.findings.TestDatabases;
import dev.assay.server.portfolio.store.PortfolioDatabase;

class TriageH2Test extends TriageContract {
    @org.junit.jupiter.api.io.TempDir
    java.nio.file.Path dataDir;

    @Override
    PortfolioDatabase openFreshDatabase() {
        return TestDatabases.h2(dataDir);
    }
}
