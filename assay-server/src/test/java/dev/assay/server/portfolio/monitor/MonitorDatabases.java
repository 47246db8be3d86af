package dev.assay.server.portfolio.monitor;

import dev.assay.server.portfolio.store.PortfolioDatabase;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Where the monitor contracts run: a fresh database, and a second pool on the same database standing for a
 * second server instance.
 */
interface MonitorDatabases extends AutoCloseable {
    /** A database no other test has written to; later {@link #instance()} calls open it again. */
    PortfolioDatabase fresh();

    /** Another instance's pool on the database of the last {@link #fresh()}. */
    PortfolioDatabase instance();

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
            public PortfolioDatabase instance() {
                return PortfolioDatabase.open(url, "sa", "");
            }

            @Override
            public void close() {}
        };
    }

    static MonitorDatabases postgres() {
        EmbeddedPostgres postgres;
        try {
            postgres = EmbeddedPostgres.builder().start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new MonitorDatabases() {
            private final AtomicInteger count = new AtomicInteger();
            private String url;

            @Override
            public PortfolioDatabase fresh() {
                String name = "monitor_" + count.incrementAndGet();
                try (Connection connection = postgres.getPostgresDatabase().getConnection();
                        Statement statement = connection.createStatement()) {
                    statement.execute("CREATE DATABASE " + name);
                } catch (SQLException e) {
                    throw new IllegalStateException("cannot create test database " + name, e);
                }
                url = postgres.getJdbcUrl("postgres", name);
                return instance();
            }

            @Override
            public PortfolioDatabase instance() {
                return PortfolioDatabase.open(url, "postgres", "");
            }

            @Override
            public void close() {
                try {
                    postgres.close();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        };
    }
}
