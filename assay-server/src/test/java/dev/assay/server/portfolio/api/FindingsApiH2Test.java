package dev.assay.server.portfolio.api;

import dev.assay.server.portfolio.store.PortfolioDatabase;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** Findings over the REST API on the embedded default database. */
class FindingsApiH2Test extends FindingsApiContract {
    @TempDir
    Path dataDir;

    @Override
    PortfolioDatabase openFreshDatabase() {
        return PortfolioDatabase.embedded(dataDir);
    }
}
