package dev.assay.server.portfolio.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.assay.server.portfolio.store.PortfolioDatabase;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The work queue's contract, run on every supported database by a subclass. */
abstract class WorkQueueContract {
    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final Backoff FAST = new Backoff(Duration.ofMillis(10), Duration.ofMillis(40));

    private final List<AutoCloseable> resources = new ArrayList<>();
    private PortfolioDatabase database;
    private WorkQueue queue;

    abstract MonitorDatabases databases();

    @BeforeEach
    void open() {
        database = databases().fresh();
        resources.add(database);
        queue = new WorkQueue(database, Clock.systemUTC());
    }

    @AfterEach
    void close() throws Exception {
        for (AutoCloseable resource : resources.reversed()) {
            resource.close();
        }
    }

    @Test
    void twoInstances_thousandJobs_eachHandledExactlyOnce() {
        database.jdbi().useTransaction(handle -> {
            for (int i = 0; i < 1000; i++) {
                WorkQueue.enqueue(handle, JobRequest.of("count", "{\"n\":" + i + "}", Instant.now()));
            }
        });
        Map<Long, AtomicInteger> handled = new ConcurrentHashMap<>();
        Map<String, AtomicInteger> byWorker = new ConcurrentHashMap<>();
        PortfolioDatabase second = instance();
        for (var entry : Map.of("a", database, "b", second).entrySet()) {
            String name = entry.getKey();
            JobHandlers handlers = new JobHandlers().register(handler("count", job -> {
                handled.computeIfAbsent(job.id(), id -> new AtomicInteger()).incrementAndGet();
                byWorker.computeIfAbsent(name, id -> new AtomicInteger()).incrementAndGet();
            }));
            worker(
                    new WorkQueue(entry.getValue(), Clock.systemUTC()),
                    handlers,
                    settings(name).withConcurrency(4));
        }

        await(() -> queue.counts().get(JobState.DONE) == 1000);

        assertThat(handled).hasSize(1000);
        assertThat(handled.values()).allSatisfy(count -> assertThat(count.get()).isEqualTo(1));
        assertThat(byWorker.get("a").get() + byWorker.get("b").get()).isEqualTo(1000);
        assertThat(byWorker.keySet()).as("both instances took work").containsExactlyInAnyOrder("a", "b");
        assertThat(queue.counts()).containsEntry(JobState.QUEUED, 0L).containsEntry(JobState.RUNNING, 0L);
    }

    @Test
    void killedInstance_leaseExpires_otherInstanceCompletesTheJob() throws Exception {
        long id = queue.enqueue(JobRequest.of("slow", "{}", Instant.now())).orElseThrow();
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch never = new CountDownLatch(1);
        resources.add(never::countDown);
        PortfolioDatabase doomedDatabase = instance();
        Duration lease = Duration.ofMillis(600);
        Worker doomed = new Worker(
                new WorkQueue(doomedDatabase, Clock.systemUTC()),
                new JobHandlers().register(handler("slow", job -> {
                    started.countDown();
                    // A hung or killed process: ignores interruption, never returns.
                    while (true) {
                        try {
                            never.await();
                            return;
                        } catch (InterruptedException ignored) {
                            // keep hanging
                        }
                    }
                })),
                settings("doomed").withLease(lease));
        doomed.start();
        assertThat(started.await(TIMEOUT.toSeconds(), TimeUnit.SECONDS)).isTrue();
        doomed.crash();
        Instant crashedAt = Instant.now();
        doomedDatabase.close();
        assertThat(queue.status(id).orElseThrow().leaseOwner()).contains("doomed");

        List<Job> completedBySurvivor = new CopyOnWriteArrayList<>();
        worker(queue, new JobHandlers().register(handler("slow", completedBySurvivor::add)), settings("survivor"));

        await(() -> queue.status(id).orElseThrow().state() == JobState.DONE);
        assertThat(Duration.between(crashedAt, Instant.now()))
                .as("not before the lease expired")
                .isGreaterThanOrEqualTo(lease.minusMillis(200));
        assertThat(completedBySurvivor).singleElement().satisfies(job -> {
            assertThat(job.leaseOwner()).isEqualTo("survivor");
            assertThat(job.attempt()).isEqualTo(2);
        });
    }

    @Test
    void renewedLease_outlivesItsLength_noSecondClaim() {
        long id = queue.enqueue(JobRequest.of("long", "{}", Instant.now())).orElseThrow();
        AtomicInteger runs = new AtomicInteger();
        JobHandler slow = handler("long", job -> {
            runs.incrementAndGet();
            Thread.sleep(1200); // four leases of 300 ms
        });
        PortfolioDatabase second = instance();
        worker(queue, new JobHandlers().register(slow), settings("a").withLease(Duration.ofMillis(300)));
        worker(
                new WorkQueue(second, Clock.systemUTC()),
                new JobHandlers().register(slow),
                settings("b").withLease(Duration.ofMillis(300)));

        await(() -> queue.status(id).orElseThrow().state() == JobState.DONE);

        assertThat(runs).hasValue(1);
        assertThat(queue.status(id).orElseThrow().attempts()).isEqualTo(1);
    }

    @Test
    void failingHandler_retriedWithBackoff_deadAfterMaxAttempts() {
        long id = queue.enqueue(JobRequest.of("broken", "{}", Instant.now()).withMaxAttempts(3))
                .orElseThrow();
        List<Instant> attempts = new CopyOnWriteArrayList<>();
        worker(
                queue,
                new JobHandlers().register(handler("broken", job -> {
                    attempts.add(Instant.now());
                    throw new IllegalStateException("boom " + job.attempt());
                })),
                settings("a").withBackoff(new Backoff(Duration.ofMillis(100), Duration.ofMillis(400))));

        await(() -> queue.status(id).orElseThrow().state() == JobState.DEAD);

        JobStatus status = queue.status(id).orElseThrow();
        assertThat(attempts).hasSize(3);
        assertThat(status.attempts()).isEqualTo(3);
        assertThat(status.lastError())
                .hasValueSatisfying(
                        error -> assertThat(error).contains("boom 3").contains("giving up"));
        // attempt 1 waits 50-100 ms, attempt 2 waits 100-200 ms
        assertThat(Duration.between(attempts.get(0), attempts.get(1))).isGreaterThanOrEqualTo(Duration.ofMillis(50));
        assertThat(Duration.between(attempts.get(1), attempts.get(2))).isGreaterThanOrEqualTo(Duration.ofMillis(100));
    }

    @Test
    void retryLater_waitsTheNamedDelay_thenSucceeds() {
        long id = queue.enqueue(JobRequest.of("later", "{}", Instant.now())).orElseThrow();
        List<Instant> attempts = new CopyOnWriteArrayList<>();
        worker(
                queue,
                new JobHandlers().register(handler("later", job -> {
                    attempts.add(Instant.now());
                    if (job.attempt() == 1) {
                        throw new RetryLaterException("not yet", Duration.ofMillis(400));
                    }
                })),
                settings("a"));

        await(() -> queue.status(id).orElseThrow().state() == JobState.DONE);

        assertThat(attempts).hasSize(2);
        assertThat(Duration.between(attempts.get(0), attempts.get(1))).isGreaterThanOrEqualTo(Duration.ofMillis(400));
    }

    @Test
    void permanentFailure_deadAfterOneAttempt() {
        long id = queue.enqueue(JobRequest.of("refused", "{}", Instant.now())).orElseThrow();
        AtomicInteger runs = new AtomicInteger();
        worker(
                queue,
                new JobHandlers().register(handler("refused", job -> {
                    runs.incrementAndGet();
                    throw new PermanentJobFailureException("payload names no delivery");
                })),
                settings("a"));

        await(() -> queue.status(id).orElseThrow().state() == JobState.DEAD);

        assertThat(runs).hasValue(1);
        assertThat(queue.status(id).orElseThrow().lastError()).contains("payload names no delivery");
    }

    @Test
    void enqueue_sameDedupeKeyTwice_oneJob() {
        JobRequest request = JobRequest.of("once", "{}", Instant.now()).withDedupeKey("once:1");

        Optional<Long> first = queue.enqueue(request);
        Optional<Long> second = new WorkQueue(instance(), Clock.systemUTC()).enqueue(request);

        assertThat(first).isPresent();
        assertThat(second).isEmpty();
        assertThat(queue.counts()).containsEntry(JobState.QUEUED, 1L);
    }

    @Test
    void enqueue_inRolledBackTransaction_leavesNoJob() {
        try {
            database.jdbi().useTransaction(handle -> {
                WorkQueue.enqueue(handle, JobRequest.of("ghost", "{}", Instant.now()));
                throw new IllegalStateException("the change failed");
            });
        } catch (IllegalStateException expected) {
            // the transaction rolled back
        }

        assertThat(queue.counts().values())
                .allSatisfy(count -> assertThat(count).isZero());
    }

    @Test
    void claim_skipsJobsNotYetDue_andKindsWithoutHandler() {
        queue.enqueue(JobRequest.of("later", "{}", Instant.now().plusSeconds(3600)));
        queue.enqueue(JobRequest.of("other", "{}", Instant.now()));
        long due = queue.enqueue(JobRequest.of("now", "{}", Instant.now())).orElseThrow();

        List<Job> claimed = queue.claim("a", Set.of("now", "later"), 10, Duration.ofMinutes(1));

        assertThat(claimed).extracting(Job::id).containsExactly(due);
    }

    @Test
    void expiredLease_oldOwnersOutcomeIsRefused() throws Exception {
        long id = queue.enqueue(JobRequest.of("fenced", "{}", Instant.now())).orElseThrow();
        Job first =
                queue.claim("a", Set.of("fenced"), 1, Duration.ofMillis(100)).getFirst();
        Thread.sleep(150);
        Job second =
                queue.claim("b", Set.of("fenced"), 1, Duration.ofMinutes(1)).getFirst();

        assertThat(second.id()).isEqualTo(id);
        assertThat(queue.complete(first)).isFalse();
        assertThat(queue.renew(List.of(first), Duration.ofMinutes(1))).isZero();
        assertThat(queue.complete(second)).isTrue();
        assertThat(queue.status(id).orElseThrow().state()).isEqualTo(JobState.DONE);
    }

    @Test
    void purgeDone_deletesOnlyFinishedJobsOlderThanTheRetention() throws Exception {
        long done = queue.enqueue(JobRequest.of("purge", "{}", Instant.now())).orElseThrow();
        long dead = queue.enqueue(JobRequest.of("purge", "{}", Instant.now()).withMaxAttempts(1))
                .orElseThrow();
        List<Job> claimed = queue.claim("a", Set.of("purge"), 2, Duration.ofMinutes(1));
        for (Job job : claimed) {
            assertThat(job.id() == done ? queue.complete(job) : queue.fail(job, "refused"))
                    .isTrue();
        }
        long waiting =
                queue.enqueue(JobRequest.of("purge", "{}", Instant.now())).orElseThrow();

        assertThat(queue.purgeDone(Duration.ofHours(1))).isZero();
        Thread.sleep(20);
        assertThat(queue.purgeDone(Duration.ofMillis(10))).isEqualTo(1);

        assertThat(queue.status(done)).isEmpty();
        assertThat(queue.status(dead)).isPresent();
        assertThat(queue.status(waiting)).isPresent();
    }

    @Test
    void heldLease_jobIsNotClaimedAgain() {
        queue.enqueue(JobRequest.of("held", "{}", Instant.now()));

        assertThat(queue.claim("a", Set.of("held"), 5, Duration.ofMinutes(1))).hasSize(1);
        assertThat(queue.claim("b", Set.of("held"), 5, Duration.ofMinutes(1))).isEmpty();
    }

    @Test
    void expiredLease_withNoAttemptsLeft_isDead() throws Exception {
        long id = queue.enqueue(JobRequest.of("crashy", "{}", Instant.now()).withMaxAttempts(1))
                .orElseThrow();
        queue.claim("a", Set.of("crashy"), 1, Duration.ofMillis(50));
        Thread.sleep(100);

        assertThat(queue.claim("b", Set.of("crashy"), 1, Duration.ofMinutes(1))).isEmpty();
        JobStatus status = queue.status(id).orElseThrow();
        assertThat(status.state()).isEqualTo(JobState.DEAD);
        assertThat(status.lastError())
                .hasValueSatisfying(error -> assertThat(error).contains("lease expired"));
    }

    @Test
    void gracefulClose_handsBackAJobStillRunning() throws Exception {
        long id = queue.enqueue(JobRequest.of("stuck", "{}", Instant.now())).orElseThrow();
        CountDownLatch started = new CountDownLatch(1);
        Worker worker = new Worker(
                queue,
                new JobHandlers().register(handler("stuck", job -> {
                    started.countDown();
                    new CountDownLatch(1).await();
                })),
                settings("a").withShutdownGrace(Duration.ofMillis(100)));
        worker.start();
        assertThat(started.await(TIMEOUT.toSeconds(), TimeUnit.SECONDS)).isTrue();

        worker.close();

        JobStatus status = queue.status(id).orElseThrow();
        assertThat(status.state()).isEqualTo(JobState.QUEUED);
        assertThat(status.attempts()).isZero();
        assertThat(status.leaseOwner()).isEmpty();
    }

    @Test
    void gracefulClose_waitsForAShortJob() throws Exception {
        long id = queue.enqueue(JobRequest.of("short", "{}", Instant.now())).orElseThrow();
        CountDownLatch started = new CountDownLatch(1);
        Worker worker = new Worker(
                queue,
                new JobHandlers().register(handler("short", job -> {
                    started.countDown();
                    Thread.sleep(200);
                })),
                settings("a"));
        worker.start();
        assertThat(started.await(TIMEOUT.toSeconds(), TimeUnit.SECONDS)).isTrue();

        worker.close();

        assertThat(queue.status(id).orElseThrow().state()).isEqualTo(JobState.DONE);
    }

    PortfolioDatabase instance() {
        PortfolioDatabase other = databases().instance();
        resources.add(other);
        return other;
    }

    Worker worker(WorkQueue workQueue, JobHandlers handlers, WorkerSettings settings) {
        Worker worker = new Worker(workQueue, handlers, settings).start();
        resources.add(worker);
        return worker;
    }

    static WorkerSettings settings(String name) {
        return WorkerSettings.defaults(name)
                .withPollInterval(Duration.ofMillis(20))
                .withLease(Duration.ofSeconds(10))
                .withBackoff(FAST)
                .withShutdownGrace(Duration.ofSeconds(5));
    }

    interface Body {
        void run(Job job) throws Exception;
    }

    static JobHandler handler(String kind, Body body) {
        return new JobHandler() {
            @Override
            public String kind() {
                return kind;
            }

            @Override
            public void handle(Job job) throws Exception {
                body.run(job);
            }
        };
    }

    static void await(BooleanSupplier condition) {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within " + TIMEOUT);
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted", e);
            }
        }
    }
}
