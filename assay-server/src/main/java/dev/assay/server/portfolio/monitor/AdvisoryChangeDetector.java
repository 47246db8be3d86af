package dev.assay.server.portfolio.monitor;

import dev.assay.model.AdvisoryDatabaseSummary;
import dev.assay.server.portfolio.store.PortfolioDatabase;
import dev.assay.server.portfolio.store.UnableToUsePortfolioDatabaseException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.JdbiException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Notices that the advisory database moved to a new generation ({@code assay db update}, an import
 * through the server) and enqueues one {@value ReanalyzeAdvisories#KIND} job for the change, however many
 * instances notice it.
 *
 * <p>The generation the portfolio was last brought up to date with is one row in the database
 * ({@code advisory_generation}). An observation locks that row ({@code SELECT ... FOR UPDATE}), so
 * instances observing at once are serialized: the first records the new generation and enqueues the job,
 * the others find it recorded. The job's de-duplication key (old and new generation) is a second guard: even
 * a replayed observation of the same change cannot enqueue it twice. The {@code advisories.updated} event is
 * raised in the same transaction as the job.
 *
 * <p>Generations only move forward (by {@link AdvisoryGeneration#updatedAt()}): an instance whose own
 * copy of the database is older than the recorded one does not send the portfolio back. The first
 * generation ever observed is recorded as the baseline without a re-analysis, since every finding stored
 * so far was matched at upload against data at least that old or the same.
 */
public final class AdvisoryChangeDetector {
    private static final Logger LOG = LoggerFactory.getLogger(AdvisoryChangeDetector.class);

    /** Re-analysis is expensive and must not be lost; it gets more attempts than the default. */
    static final int REANALYSIS_MAX_ATTEMPTS = 10;

    private final PortfolioDatabase database;
    private final Clock clock;

    public AdvisoryChangeDetector(PortfolioDatabase database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    /** What one observation found and did. */
    public enum Outcome {
        /** No generation was recorded yet; this one is now, with no re-analysis. */
        BASELINE,
        /** The recorded generation is this one. */
        UNCHANGED,
        /** This generation is older than the recorded one (an instance with a stale copy); ignored. */
        OLDER_IGNORED,
        /** A new generation: recorded, and the re-analysis job enqueued. */
        REANALYSIS_ENQUEUED,
        /** A new generation whose re-analysis job was already enqueued (by this change's key). */
        ALREADY_ENQUEUED
    }

    /**
     * @param previous the generation recorded before this observation
     * @param jobId the re-analysis job enqueued by this observation
     */
    public record Observation(
            Outcome outcome, AdvisoryGeneration current, Optional<AdvisoryGeneration> previous, Optional<Long> jobId) {}

    /**
     * Compares {@code current} with the recorded generation and acts on a change.
     *
     * @throws UnableToUsePortfolioDatabaseException when the database refuses; nothing was recorded
     */
    public Observation observe(AdvisoryDatabaseSummary current) {
        AdvisoryGeneration generation = AdvisoryGeneration.of(current);
        try {
            return database.jdbi().inTransaction(handle -> observe(handle, generation));
        } catch (JdbiException e) {
            throw new UnableToUsePortfolioDatabaseException(
                    "cannot record the advisory generation: " + e.getMessage(), "advisory_generation", e);
        }
    }

    /** The generation the portfolio was last brought up to date with, if any. */
    public Optional<AdvisoryGeneration> recorded() {
        try {
            return database.jdbi()
                    .withHandle(handle -> handle.createQuery(
                                    "SELECT generation_id, updated_at, advisories FROM advisory_generation WHERE id = 1")
                            .map((rs, ctx) -> recordedRow(rs))
                            .findOne()
                            .flatMap(found -> found));
        } catch (JdbiException e) {
            throw new UnableToUsePortfolioDatabaseException(
                    "cannot read the advisory generation: " + e.getMessage(), "advisory_generation", e);
        }
    }

    /**
     * Observes {@code source} now and then every {@code interval} on a virtual thread, until closed. A failed
     * observation (database or advisory store unavailable) is logged and tried again at the next interval.
     */
    public AutoCloseable watch(Supplier<AdvisoryDatabaseSummary> source, Duration interval) {
        Objects.requireNonNull(source, "source");
        return PeriodicLoop.start("assay-advisory-watch", interval, "check the advisory database for changes", () -> {
            Observation observation = observe(source.get());
            if (observation.outcome() == Outcome.REANALYSIS_ENQUEUED) {
                LOG.info(
                        "advisory database changed ({} -> {}); re-analysis enqueued as job {}",
                        observation.previous().map(AdvisoryGeneration::id).orElse("none"),
                        observation.current().id(),
                        observation.jobId().orElseThrow());
            }
        });
    }

    private Observation observe(Handle handle, AdvisoryGeneration current) {
        // The row exists from the migration; re-creating it keeps a hand-cleaned table working.
        handle.execute("INSERT INTO advisory_generation (id) VALUES (1) ON CONFLICT DO NOTHING");
        Optional<AdvisoryGeneration> previous = handle.createQuery(
                        "SELECT generation_id, updated_at, advisories FROM advisory_generation WHERE id = 1 FOR UPDATE")
                .map((rs, ctx) -> recordedRow(rs))
                .one();
        if (previous.isPresent() && previous.get().id().equals(current.id())) {
            return new Observation(Outcome.UNCHANGED, current, previous, Optional.empty());
        }
        if (previous.isPresent() && current.updatedAt().isBefore(previous.get().updatedAt())) {
            return new Observation(Outcome.OLDER_IGNORED, current, previous, Optional.empty());
        }
        Instant now = clock.instant();
        handle.createUpdate("""
                        UPDATE advisory_generation SET generation_id = :id, updated_at = :updatedAt, advisories = :advisories,
                            observed_at = :now
                        WHERE id = 1""")
                .bind("id", current.id())
                .bind("updatedAt", WorkQueue.utc(current.updatedAt()))
                .bind("advisories", current.advisories())
                .bind("now", WorkQueue.utc(now))
                .execute();
        if (previous.isEmpty()) {
            return new Observation(Outcome.BASELINE, current, previous, Optional.empty());
        }
        ReanalyzeAdvisories change = ReanalyzeAdvisories.between(previous.get(), current);
        Optional<Long> job = WorkQueue.enqueue(
                handle,
                JobRequest.of(ReanalyzeAdvisories.KIND, change.toJson(), now)
                        .withDedupeKey(change.dedupeKey())
                        .withMaxAttempts(REANALYSIS_MAX_ATTEMPTS));
        if (job.isEmpty()) {
            return new Observation(Outcome.ALREADY_ENQUEUED, current, previous, Optional.empty());
        }
        Notifications.enqueue(
                handle,
                new Event.AdvisoriesUpdated(
                        previous.map(AdvisoryGeneration::id), current.id(), current.updatedAt(), current.advisories()),
                clock);
        return new Observation(Outcome.REANALYSIS_ENQUEUED, current, previous, job);
    }

    /** The recorded generation. */
    private static Optional<AdvisoryGeneration> recordedRow(ResultSet rs) throws SQLException {
        String id = rs.getString("generation_id");
        if (id == null) {
            return Optional.empty();
        }
        return Optional.of(new AdvisoryGeneration(
                id, rs.getObject("updated_at", OffsetDateTime.class).toInstant(), rs.getInt("advisories")));
    }
}
