package dev.assay.server.portfolio.monitor;

import dev.assay.server.portfolio.store.PortfolioDatabase;
import dev.assay.server.portfolio.store.UnableToUsePortfolioDatabaseException;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import org.jdbi.v3.core.JdbiException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the monitoring tables from growing without bound: finished jobs and settled webhook deliveries
 * older than their retention, and advisory lookups that no stored component makes any more (left behind
 * when a version's inventory is replaced). Every statement is an idempotent delete, so instances sharing a
 * database may all run it.
 */
public final class Housekeeping {
    private static final Logger LOG = LoggerFactory.getLogger(Housekeeping.class);

    /**
     * @param jobs how long finished jobs stay (their de-duplication keys are taken until then)
     * @param deliveries how long delivered and failed webhook deliveries stay for inspection
     */
    public record Retention(Duration jobs, Duration deliveries) {
        public static final Retention DEFAULT = new Retention(Duration.ofDays(7), Duration.ofDays(30));

        public Retention {
            if (jobs.isNegative() || deliveries.isNegative()) {
                throw new IllegalArgumentException("retention cannot be negative");
            }
        }
    }

    /** What one pass deleted. */
    public record Purged(int jobs, int deliveries, int lookups) {
        public int total() {
            return jobs + deliveries + lookups;
        }
    }

    private final PortfolioDatabase database;
    private final Retention retention;
    private final Clock clock;

    public Housekeeping(PortfolioDatabase database, Retention retention, Clock clock) {
        this.database = Objects.requireNonNull(database, "database");
        this.retention = Objects.requireNonNull(retention, "retention");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** @throws UnableToUsePortfolioDatabaseException when the database refuses */
    public Purged run() {
        int jobs = new WorkQueue(database, clock).purgeDone(retention.jobs());
        try {
            int deliveries = database.jdbi()
                    .inTransaction(handle -> handle.createUpdate("""
                            DELETE FROM webhook_deliveries
                            WHERE state IN ('delivered', 'failed') AND created_at < :cutoff""")
                            .bind("cutoff", WorkQueue.utc(clock.instant().minus(retention.deliveries())))
                            .execute());
            int lookups = database.jdbi()
                    .inTransaction(handle -> handle.createUpdate("""
                            DELETE FROM advisory_lookups l WHERE NOT EXISTS (
                                SELECT 1 FROM components c
                                WHERE c.purl_base = l.purl_base AND c.pkg_version = l.pkg_version
                                    AND c.purl = l.purl)""").execute());
            return new Purged(jobs, deliveries, lookups);
        } catch (JdbiException e) {
            throw new UnableToUsePortfolioDatabaseException(
                    "cannot purge old monitoring rows: " + e.getMessage(), "housekeeping", e);
        }
    }

    /** Runs {@link #run} now and then every {@code interval} on a virtual thread until the result is closed. */
    public AutoCloseable every(Duration interval) {
        return PeriodicLoop.start("assay-housekeeping", interval, "purge old monitoring rows", () -> {
            Purged purged = run();
            if (purged.total() > 0) {
                LOG.info(
                        "housekeeping: deleted {} finished jobs, {} webhook deliveries, {} unused advisory lookups",
                        purged.jobs(),
                        purged.deliveries(),
                        purged.lookups());
            }
        });
    }
}
