package dev.assay.server.portfolio.monitor;

import dev.assay.server.portfolio.TestPostgres;
import dev.assay.server.portfolio.store.PortfolioDatabase;
import dev.assay.server.portfolio.store.SecretSealer;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Where the monitor contracts run: a fresh database, and a second pool on the same database standing for a
 * second server instance.
 */
interface MonitorDatabases extends AutoCloseable {
    /** A database no other test has written to; later {@link #instance()} calls open it again. */
    PortfolioDatabase fresh();

    /** Another instance's pool on the database of the last {@link #fresh()}. */
    default PortfolioDatabase instance() {
        return instance(SecretSealer.none());
    }

    /** As {@link #instance()}, sealing secrets with {@code secrets}. */
    PortfolioDatabase instance(SecretSealer secrets);

    @Override
    void close();

    static MonitorDatabases h2(Path directory) {
        return new MonitorDatabases() {
            private final AtomicInteger count = new AtomicInteger();
            private String url;

            @Override
            public PortfolioDatabase fresh() {
                url = "jdbc:h2:file:" + directory.toAbsolutePath().resolve("portfolio-" + count.incrementAndGet())
                        + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";
                return instance();
            }

            @Override
            public PortfolioDatabase instance(SecretSealer secrets) {
                return PortfolioDatabase.open(url, "sa", "", secrets);
            }

            @Override
            public void close() {}
        };
    }

    /** Databases on the run's one test PostgreSQL ({@link TestPostgres}); a second pool is a second instance. */
    static MonitorDatabases postgres() {
        return new MonitorDatabases() {
            private TestPostgres.Database database;

            @Override
            public PortfolioDatabase fresh() {
                database = TestPostgres.freshDatabase();
                return instance();
            }

            @Override
            public PortfolioDatabase instance(SecretSealer secrets) {
                return database.open(secrets);
            }

            @Override
            public void close() {}
        };
    }
}
