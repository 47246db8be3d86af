package dev.assay.server.portfolio.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.assay.engine.AdvisoryDatabases;
import dev.assay.model.AdvisoryDatabaseSummary;
import dev.assay.server.portfolio.store.PortfolioDatabase;
import dev.assay.vulndb.store.AdvisoryDatabase;
import dev.assay.vulndb.store.AdvisoryDatabaseImporter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Advisory-change detection and its de-duplication across instances, on every database. */
abstract class AdvisoryChangeContract {
    private static final Instant T0 = Instant.parse("2026-12-01T00:00:00Z");

    @TempDir
    Path advisories;

    private final List<AutoCloseable> resources = new ArrayList<>();
    private PortfolioDatabase database;
    private AdvisoryChangeDetector detector;
    private WorkQueue queue;

    abstract MonitorDatabases databases();

    @BeforeEach
    void open() {
        database = databases().fresh();
        resources.add(database);
        detector = new AdvisoryChangeDetector(database, Clock.systemUTC());
        queue = new WorkQueue(database, Clock.systemUTC());
    }

    @AfterEach
    void close() throws Exception {
        for (AutoCloseable resource : resources.reversed()) {
            resource.close();
        }
    }

    @Test
    void firstGeneration_isTheBaseline_withoutReanalysis() {
        AdvisoryChangeDetector.Observation first = detector.observe(info(T0, 10));
        AdvisoryChangeDetector.Observation again = detector.observe(info(T0, 10));

        assertThat(first.outcome()).isEqualTo(AdvisoryChangeDetector.Outcome.BASELINE);
        assertThat(again.outcome()).isEqualTo(AdvisoryChangeDetector.Outcome.UNCHANGED);
        assertThat(detector.recorded()).hasValueSatisfying(recorded -> {
            assertThat(recorded.id()).isEqualTo(first.current().id());
            assertThat(recorded.updatedAt()).isEqualTo(T0);
        });
        assertThat(queue.counts()).containsEntry(JobState.QUEUED, 0L);
    }

    @Test
    void newGeneration_enqueuesOneReanalysisWithBothGenerations_andRaisesAdvisoriesUpdated() throws Exception {
        WebhookSubscription subscriber = new WebhookSubscriptions(database, Clock.systemUTC())
                .create("https://hooks.example.com/a", "0123456789abcdef-secret", Set.of(Event.ADVISORIES_UPDATED));
        AdvisoryGeneration old = detector.observe(info(T0, 10)).current();

        AdvisoryChangeDetector.Observation changed = detector.observe(info(T0.plus(Duration.ofHours(6)), 12));

        assertThat(changed.outcome()).isEqualTo(AdvisoryChangeDetector.Outcome.REANALYSIS_ENQUEUED);
        assertThat(changed.previous()).contains(old);
        JobStatus job = queue.status(changed.jobId().orElseThrow()).orElseThrow();
        assertThat(job.kind()).isEqualTo("advisories.reanalyze");
        ReanalyzeAdvisories payload = ReanalyzeAdvisories.fromJson(job.payload());
        assertThat(payload.previousGeneration()).isEqualTo(old.id());
        assertThat(payload.previousUpdatedAt()).isEqualTo(T0);
        assertThat(payload.generation()).isEqualTo(changed.current().id());
        assertThat(payload.updatedAt()).isEqualTo(T0.plus(Duration.ofHours(6)));
        assertThat(job.dedupeKey()).contains(payload.dedupeKey());
        assertThat(new WebhookSubscriptions(database, Clock.systemUTC()).deliveries(subscriber.id()))
                .singleElement()
                .satisfies(delivery -> assertThat(delivery.eventType()).isEqualTo("advisories.updated"));
    }

    @Test
    void olderGeneration_fromAnInstanceWithAStaleCopy_isIgnored() {
        detector.observe(info(T0, 10));
        AdvisoryGeneration newer =
                detector.observe(info(T0.plusSeconds(60), 11)).current();

        AdvisoryChangeDetector.Observation stale = detector.observe(info(T0, 10));

        assertThat(stale.outcome()).isEqualTo(AdvisoryChangeDetector.Outcome.OLDER_IGNORED);
        assertThat(detector.recorded().orElseThrow().id()).isEqualTo(newer.id());
        assertThat(queue.counts()).containsEntry(JobState.QUEUED, 1L);
    }

    @Test
    void sameChangeObservedAgain_afterTheRecordWasRolledBack_isDeduplicatedByTheJobKey() {
        AdvisoryDatabaseSummary before = info(T0, 10);
        AdvisoryDatabaseSummary after = info(T0.plusSeconds(60), 11);
        detector.observe(before);
        detector.observe(after);
        // An operator restores a database backup taken between the two observations.
        database.jdbi()
                .useHandle(handle -> handle.createUpdate(
                                "UPDATE advisory_generation SET generation_id = :id, updated_at = :at")
                        .bind("id", AdvisoryGeneration.of(before).id())
                        .bind("at", WorkQueue.utc(T0))
                        .execute());

        AdvisoryChangeDetector.Observation replay = detector.observe(after);

        assertThat(replay.outcome()).isEqualTo(AdvisoryChangeDetector.Outcome.ALREADY_ENQUEUED);
        assertThat(queue.counts()).containsEntry(JobState.QUEUED, 1L);
    }

    @Test
    void twoInstancesRacing_eachChangeEnqueuedExactlyOnce() throws Exception {
        PortfolioDatabase second = databases().instance();
        resources.add(second);
        List<AdvisoryChangeDetector> detectors = List.of(
                detector,
                new AdvisoryChangeDetector(database, Clock.systemUTC()),
                new AdvisoryChangeDetector(second, Clock.systemUTC()),
                new AdvisoryChangeDetector(second, Clock.systemUTC()));
        detector.observe(info(T0, 0));
        int changes = 25;
        List<AdvisoryChangeDetector.Outcome> outcomes = new CopyOnWriteArrayList<>();
        try (ExecutorService threads = Executors.newFixedThreadPool(detectors.size())) {
            for (int round = 1; round <= changes; round++) {
                AdvisoryDatabaseSummary generation = info(T0.plusSeconds(round), round);
                CyclicBarrier start = new CyclicBarrier(detectors.size());
                List<Future<?>> running = new ArrayList<>();
                for (AdvisoryChangeDetector racer : detectors) {
                    running.add(threads.submit(() -> {
                        start.await();
                        outcomes.add(racer.observe(generation).outcome());
                        return null;
                    }));
                }
                for (Future<?> future : running) {
                    future.get();
                }
            }
        }

        Map<AdvisoryChangeDetector.Outcome, Long> counted = new TreeMap<>();
        outcomes.forEach(outcome -> counted.merge(outcome, 1L, Long::sum));
        assertThat(counted)
                .containsEntry(AdvisoryChangeDetector.Outcome.REANALYSIS_ENQUEUED, (long) changes)
                .containsEntry(AdvisoryChangeDetector.Outcome.UNCHANGED, (long) changes * (detectors.size() - 1));
        List<ReanalyzeAdvisories> jobs = database
                .jdbi()
                .withHandle(handle -> handle.createQuery(
                                "SELECT payload FROM work_jobs WHERE kind = 'advisories.reanalyze' ORDER BY id")
                        .mapTo(String.class)
                        .list())
                .stream()
                .map(AdvisoryChangeContract::parse)
                .toList();
        assertThat(jobs).hasSize(changes);
        for (int i = 1; i < jobs.size(); i++) {
            assertThat(jobs.get(i).previousGeneration())
                    .as("each change starts where the previous ended")
                    .isEqualTo(jobs.get(i - 1).generation());
        }
    }

    @Test
    void realAdvisoryDatabase_newCommit_isANewGeneration_andReachesTheRegisteredHandler() throws Exception {
        commit();
        AdvisoryChangeDetector.Observation baseline = detector.observe(summary());
        commit();
        AdvisoryChangeDetector.Observation changed = detector.observe(summary());
        List<ReanalyzeAdvisories> seen = new CopyOnWriteArrayList<>();
        JobHandlers handlers = new JobHandlers().register(new ReanalysisHandler(seen::add));
        resources.add(new Worker(queue, handlers, WorkQueueContract.settings("reanalysis")).start());

        WorkQueueContract.await(() -> queue.counts().get(JobState.DONE) == 1);

        assertThat(baseline.outcome()).isEqualTo(AdvisoryChangeDetector.Outcome.BASELINE);
        assertThat(changed.outcome()).isEqualTo(AdvisoryChangeDetector.Outcome.REANALYSIS_ENQUEUED);
        assertThat(seen).singleElement().satisfies(change -> {
            assertThat(change.previousGeneration()).isEqualTo(baseline.current().id());
            assertThat(change.generation()).isEqualTo(changed.current().id());
        });
    }

    private AdvisoryDatabaseSummary summary() {
        try (AdvisoryDatabase store = AdvisoryDatabase.open(advisories)) {
            return AdvisoryDatabases.summary(store);
        }
    }

    private void commit() {
        try (AdvisoryDatabaseImporter importer = AdvisoryDatabase.importer(advisories)) {
            importer.importAdvisories(List.of(), "test");
            importer.commit();
        }
    }

    private static ReanalyzeAdvisories parse(String json) {
        try {
            return ReanalyzeAdvisories.fromJson(json);
        } catch (PermanentJobFailureException e) {
            throw new AssertionError(e);
        }
    }

    static AdvisoryDatabaseSummary info(Instant updatedAt, int advisories) {
        return new AdvisoryDatabaseSummary("/var/lib/assay/db", updatedAt, false, advisories);
    }
}
