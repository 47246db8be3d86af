package dev.assay.server.portfolio.api;

import dev.assay.server.portfolio.store.PortfolioDatabase;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The REST API on the embedded default database. */
class PortfolioApiH2Test extends PortfolioApiContract {
    @TempDir
    Path dataDir;

    @Override
    PortfolioDatabase openFreshDatabase() {
        return PortfolioDatabase.embedded(dataDir);
    }
}
