package dev.assay.server.portfolio.query;

import dev.assay.server.portfolio.store.PortfolioDatabase;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** Impact analysis on the embedded default: an H2 file database under a data directory. */
class ImpactAnalysisH2Test extends ImpactAnalysisContract {
    @TempDir
    Path dataDir;

    @Override
    PortfolioDatabase openFreshDatabase() {
        return PortfolioDatabase.embedded(dataDir);
    }
}
