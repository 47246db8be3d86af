package dev.assay.server.portfolio.policy;

import dev.assay.server.portfolio.findings.TestDatabases;
import dev.assay.server.portfolio.store.PortfolioDatabase;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

class PolicyResultsH2Test extends PolicyResultsContract {
    @TempDir
    Path dataDir;

    @Override
    PortfolioDatabase openFreshDatabase() {
        return TestDatabases.h2(dataDir);
    }
}
