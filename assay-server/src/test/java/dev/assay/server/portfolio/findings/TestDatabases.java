package dev.assay.server.portfolio.findings;

import dev.assay.server.portfolio.TestPostgres;
import dev.assay.server.portfolio.store.PortfolioDatabase;
import java.nio.file.Path;

/**
 * Fresh portfolio databases for the findings, triage and VEX contracts: an H2 file under a temporary
 * directory, or a new database on the run's one test PostgreSQL ({@link TestPostgres}).
 */
public final class TestDatabases {
    private TestDatabases() {}

    public static PortfolioDatabase h2(Path dataDir) {
        return PortfolioDatabase.embedded(dataDir);
    }

    public static PortfolioDatabase postgres() {
        return TestPostgres.freshDatabase().open();
    }
}
