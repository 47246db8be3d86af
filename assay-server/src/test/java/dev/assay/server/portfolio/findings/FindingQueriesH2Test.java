package dev.assay.server.portfolio.findings;

import dev.assay.server.portfolio.store.PortfolioDatabase;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

class FindingQueriesH2Test extends FindingQueriesContract {
    @TempDir
    Path dataDir;

    @Override
    PortfolioDatabase openFreshDatabase() {
        return TestDatabases.h2(dataDir);
    }
}
