package dev.assay.server.portfolio.store;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The repository contract on the embedded default: an H2 file database under a data directory. */
class SbomIngestionH2Test extends SbomIngestionContract {
    @TempDir
    Path dataDir;

    @Override
    PortfolioDatabase openFreshDatabase() {
        return PortfolioDatabase.embedded(dataDir);
    }

    @Override
    PortfolioDatabase reopen() {
        return PortfolioDatabase.embedded(dataDir);
    }
}
