package dev.assay.server.portfolio.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.assay.server.portfolio.TestPostgres;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The repository contract on a real PostgreSQL ({@link TestPostgres}), with a new database per test. */
class SbomIngestionPostgresTest extends SbomIngestionContract {
    private TestPostgres.Database current;

    @Override
    PortfolioDatabase openFreshDatabase() {
        current = TestPostgres.freshDatabase();
        return current.open();
    }

    @Override
    PortfolioDatabase reopen() {
        return current.open();
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
