package dev.assay.server.portfolio.api;

import dev.assay.server.portfolio.store.PortfolioDatabase;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** Policy results over the REST API on the embedded default database. */
class PolicyResultsApiH2Test extends PolicyResultsApiContract {
    @TempDir
    Path dataDir;

    @Override
    PortfolioDatabase openFreshDatabase() {
        return PortfolioDatabase.embedded(dataDir);
    }
}
