package dev.assay.server.portfolio.monitor;

import dev.assay.server.portfolio.store.PortfolioDatabase;
import dev.assay.server.portfolio.store.UnableToUsePortfolioDatabaseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.JdbiException;
import org.jdbi.v3.core.statement.PreparedBatch;

/**
 * The durable job queue in the portfolio database ({@code work_jobs}), shared by every instance that
 * opens the same database.
 *
 * <p>A claim selects due jobs with {@code SELECT ... FOR UPDATE SKIP LOCKED}: rows another instance is
 * claiming at that moment are skipped rather than waited for, so instances never block each other and
 * never take the same row. PostgreSQL and H2 2.x (checked on 2.5.252, in PostgreSQL mode, with
 * {@code LIMIT}) both support it, so there is one claim query for both. Claimed jobs are marked running
 * under the claimer's name with a lease; a job whose lease expired is due again. Every write after the
 * claim is fenced by (owner, attempt): once a lease is lost, the old claimer's outcome is refused.
 *
 * <p>Times come from the given clock, so instances sharing a database need clocks that agree to well
 * within a lease (NTP does this); leases are renewed every third of their length while a job runs.
 */
public final class WorkQueue {
    static final int MAX_ERROR = 4096;

    private final PortfolioDatabase database;
    private final Clock clock;

    public WorkQueue(PortfolioDatabase database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    public Clock clock() {
        return clock;
    }

    public PortfolioDatabase database() {
        return database;
    }

    /**
     * Enqueues in the caller's transaction, so the job exists if and only if the change that needs it
     * commits.
     *
     * @return the job id, or empty when a job with the same de-duplication key already exists
     */
    public static Optional<Long> enqueue(Handle handle, JobRequest request) {
        // ON CONFLICT DO NOTHING rather than catching the unique violation: a failed statement aborts the
        // whole PostgreSQL transaction, which is the caller's.
        return handle.createUpdate("""
                        INSERT INTO work_jobs (kind, payload, state, attempts, max_attempts, run_after, dedupe_key,
                            created_at)
                        VALUES (:kind, :payload, 'queued', 0, :maxAttempts, :runAfter, :dedupeKey, CURRENT_TIMESTAMP)
                        ON CONFLICT DO NOTHING""")
                .bind("kind", request.kind())
                .bind("payload", request.payload())
                .bind("maxAttempts", request.maxAttempts())
                .bind("runAfter", utc(request.runAfter()))
                .bind("dedupeKey", request.dedupeKey().orElse(null))
                .executeAndReturnGeneratedKeys("id")
                .mapTo(Long.class)
                .findOne();
    }

    /** Enqueues in a transaction of its own; see {@link #enqueue(Handle, JobRequest)}. */
    public Optional<Long> enqueue(JobRequest request) {
        return write("enqueue a " + request.kind() + " job", handle -> enqueue(handle, request));
    }

    /**
     * Claims up to {@code limit} due jobs of the given kinds for {@code owner}: queued jobs whose
     * {@code run_after} has passed and running jobs whose lease expired. A job with an expired lease and no
     * attempts left is marked dead instead of being returned.
     */
    public List<Job> claim(String owner, Set<String> kinds, int limit, Duration lease) {
        if (kinds.isEmpty() || limit < 1) {
            return List.of();
        }
        return write("claim jobs", handle -> {
            Instant now = clock.instant();
            Instant expires = now.plus(lease);
            List<Candidate> candidates = handle.createQuery("""
                            SELECT id, kind, payload, state, attempts, max_attempts FROM work_jobs
                            WHERE ((state = 'queued' AND run_after <= :now)
                                   OR (state = 'running' AND lease_expires_at <= :now))
                              AND kind IN (<kinds>)
                            ORDER BY run_after, id
                            LIMIT :limit
                            FOR UPDATE SKIP LOCKED""")
                    .bind("now", utc(now))
                    .bindList("kinds", List.copyOf(kinds))
                    .bind("limit", limit)
                    .map((rs, ctx) -> new Candidate(
                            rs.getLong("id"),
                            rs.getString("kind"),
                            rs.getString("payload"),
                            JobState.ofColumn(rs.getString("state")),
                            rs.getInt("attempts"),
                            rs.getInt("max_attempts")))
                    .list();
            List<Job> claimed = new ArrayList<>();
            PreparedBatch leases = handle.prepareBatch("""
                    UPDATE work_jobs SET state = 'running', attempts = attempts + 1, lease_owner = :owner,
                        lease_expires_at = :expires
                    WHERE id = :id""");
            PreparedBatch dead = handle.prepareBatch("""
                    UPDATE work_jobs SET state = 'dead', lease_owner = NULL, lease_expires_at = NULL,
                        last_error = :error, finished_at = :now
                    WHERE id = :id""");
            for (Candidate candidate : candidates) {
                if (candidate.attempts() >= candidate.maxAttempts()) {
                    // Only a running job can get here (a queued one with no attempts left was made dead when
                    // its last attempt failed): its last claimer died, and it has no attempt left.
                    dead.bind("id", candidate.id())
                            .bind("now", utc(now))
                            .bind(
                                    "error",
                                    "lease expired on attempt " + candidate.attempts() + " of "
                                            + candidate.maxAttempts() + " (the instance running it stopped)")
                            .add();
                    continue;
                }
                leases.bind("id", candidate.id())
                        .bind("owner", owner)
                        .bind("expires", utc(expires))
                        .add();
                claimed.add(new Job(
                        candidate.id(),
                        candidate.kind(),
                        candidate.payload(),
                        candidate.attempts() + 1,
                        candidate.maxAttempts(),
                        owner,
                        expires));
            }
            if (leases.size() > 0) {
                leases.execute();
            }
            if (dead.size() > 0) {
                dead.execute();
            }
            return claimed;
        });
    }

    /**
     * Extends the leases of jobs this owner still holds.
     *
     * @return how many of them were renewed; a job missing from the count was lost to another instance
     */
    public int renew(Collection<Job> jobs, Duration lease) {
        if (jobs.isEmpty()) {
            return 0;
        }
        return write("renew job leases", handle -> {
            PreparedBatch batch = handle.prepareBatch("""
                    UPDATE work_jobs SET lease_expires_at = :expires
                    WHERE id = :id AND state = 'running' AND lease_owner = :owner AND attempts = :attempt""");
            OffsetDateTime expires = utc(clock.instant().plus(lease));
            for (Job job : jobs) {
                batch.bind("id", job.id())
                        .bind("owner", job.leaseOwner())
                        .bind("attempt", job.attempt())
                        .bind("expires", expires)
                        .add();
            }
            int renewed = 0;
            for (int count : batch.execute()) {
                renewed += Math.max(0, count);
            }
            return renewed;
        });
    }

    /** @return false when the lease was lost: another instance owns the job now and this outcome is void */
    public boolean complete(Job job) {
        return fenced(job, "state = 'done', finished_at = :now, last_error = NULL", null, null);
    }

    /**
     * Records a failed attempt: queued again after {@code delay}, or dead when no attempts are left.
     *
     * @return false when the lease was lost
     */
    public boolean retry(Job job, String error, Duration delay) {
        if (job.attempt() >= job.maxAttempts()) {
            return fail(job, error + " (attempt " + job.attempt() + " of " + job.maxAttempts() + ", giving up)");
        }
        return fenced(job, "state = 'queued', run_after = :runAfter, last_error = :error", error, delay);
    }

    /** Marks the job dead: retrying cannot help. */
    public boolean fail(Job job, String error) {
        return fenced(job, "state = 'dead', finished_at = :now, last_error = :error", error, null);
    }

    /**
     * Hands a job back unfinished (a worker stopping): due again at once, and the claim does not count as
     * an attempt.
     */
    public boolean release(Job job) {
        return fenced(job, "state = 'queued', run_after = :now, attempts = attempts - 1", null, null);
    }

    /**
     * Deletes done jobs finished more than {@code retention} ago; dead jobs stay for inspection. A purged
     * job's de-duplication key is free again, so keep the retention longer than any replay of it.
     *
     * @return the number of jobs deleted
     */
    public int purgeDone(Duration retention) {
        return write(
                "purge finished jobs",
                handle -> handle.createUpdate("DELETE FROM work_jobs WHERE state = 'done' AND finished_at < :cutoff")
                        .bind("cutoff", utc(clock.instant().minus(retention)))
                        .execute());
    }

    public Optional<JobStatus> status(long id) {
        return read(handle -> handle.createQuery("""
                        SELECT id, kind, payload, state, attempts, max_attempts, run_after, lease_owner,
                            last_error, dedupe_key FROM work_jobs WHERE id = :id""")
                .bind("id", id)
                .map((rs, ctx) -> new JobStatus(
                        rs.getLong("id"),
                        rs.getString("kind"),
                        rs.getString("payload"),
                        JobState.ofColumn(rs.getString("state")),
                        rs.getInt("attempts"),
                        rs.getInt("max_attempts"),
                        rs.getObject("run_after", OffsetDateTime.class).toInstant(),
                        Optional.ofNullable(rs.getString("lease_owner")),
                        Optional.ofNullable(rs.getString("last_error")),
                        Optional.ofNullable(rs.getString("dedupe_key"))))
                .findOne());
    }

    /** How many jobs are in each state (every state present, zero when empty). */
    public Map<JobState, Long> counts() {
        return read(handle -> {
            Map<JobState, Long> counts = new EnumMap<>(JobState.class);
            for (JobState state : JobState.values()) {
                counts.put(state, 0L);
            }
            handle.createQuery("SELECT state, COUNT(*) AS n FROM work_jobs GROUP BY state")
                    .map((rs, ctx) -> Map.entry(JobState.ofColumn(rs.getString("state")), rs.getLong("n")))
                    .forEach(entry -> counts.put(entry.getKey(), entry.getValue()));
            return counts;
        });
    }

    private boolean fenced(Job job, String assignments, String error, Duration delay) {
        return write("record the outcome of job " + job.id(), handle -> {
            Instant now = clock.instant();
            var update = handle.createUpdate("UPDATE work_jobs SET " + assignments
                            + ", lease_owner = NULL, lease_expires_at = NULL"
                            + " WHERE id = :id AND state = 'running' AND lease_owner = :owner AND attempts = :attempt")
                    .bind("id", job.id())
                    .bind("owner", job.leaseOwner())
                    .bind("attempt", job.attempt())
                    .bind("now", utc(now));
            if (assignments.contains(":error")) {
                update.bind("error", truncate(error));
            }
            if (assignments.contains(":runAfter")) {
                update.bind("runAfter", utc(now.plus(delay)));
            }
            return update.execute() == 1;
        });
    }

    static String truncate(String error) {
        String text = error == null ? "" : error;
        return text.length() <= MAX_ERROR ? text : text.substring(0, MAX_ERROR - 3) + "...";
    }

    static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private <T> T write(String what, org.jdbi.v3.core.HandleCallback<T, RuntimeException> work) {
        try {
            return database.jdbi().inTransaction(work);
        } catch (JdbiException e) {
            throw new UnableToUsePortfolioDatabaseException("cannot " + what + ": " + e.getMessage(), "work_jobs", e);
        }
    }

    private <T> T read(org.jdbi.v3.core.HandleCallback<T, RuntimeException> work) {
        try {
            return database.jdbi().withHandle(work);
        } catch (JdbiException e) {
            throw new UnableToUsePortfolioDatabaseException(
                    "cannot read the job queue: " + e.getMessage(), "work_jobs", e);
        }
    }

    private record Candidate(long id, String kind, String payload, JobState state, int attempts, int maxAttempts) {}
}
