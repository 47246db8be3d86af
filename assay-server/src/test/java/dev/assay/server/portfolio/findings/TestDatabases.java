package dev.assay.server.portfolio.findings;

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
 * Fresh portfolio databases for the findings, triage and VEX contracts: an H2 file under a temporary
 * directory, or a new database in one embedded PostgreSQL shared by every test class of the run (starting
 * one per class would cost seconds each).
 */
public final class TestDatabases {
    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static EmbeddedPostgres postgres;

    private TestDatabases() {}

    public static PortfolioDatabase h2(Path dataDir) {
        return PortfolioDatabase.embedded(dataDir);
    }

    public static synchronized PortfolioDatabase postgres() {
        if (postgres == null) {
            try {
                postgres = EmbeddedPostgres.builder().start();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot start the embedded PostgreSQL", e);
            }
            EmbeddedPostgres started = postgres;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    started.close();
                } catch (IOException e) {
                    // the JVM is exiting; the data directory is temporary
                }
            }));
        }
        String name = "findings_" + DATABASES.incrementAndGet();
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create test database " + name, e);
        }
        return PortfolioDatabase.open(postgres.getJdbcUrl("postgres", name), "postgres", "");
    }
}
