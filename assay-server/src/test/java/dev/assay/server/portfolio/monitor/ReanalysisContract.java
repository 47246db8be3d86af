package dev.assay.server.portfolio.monitor;

import static dev.assay.server.portfolio.findings.Portfolios.APP_1;
import static dev.assay.server.portfolio.findings.Portfolios.FRAMEWORK;
import static dev.assay.server.portfolio.findings.Portfolios.JACKSON_2_9_8;
import static dev.assay.server.portfolio.findings.Portfolios.LOG4J_2_14;
import static dev.assay.server.portfolio.findings.Portfolios.LOG4J_API;
import static dev.assay.server.portfolio.findings.Portfolios.LOG4SHELL_2_GHSA;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.assay.model.Advisory;
import dev.assay.model.EpssScore;
import dev.assay.model.KevEntry;
import dev.assay.server.portfolio.findings.FindingMatching;
import dev.assay.server.portfolio.findings.MutableClock;
import dev.assay.server.portfolio.findings.Portfolios;
import dev.assay.server.portfolio.store.PortfolioDatabase;
import dev.assay.vulndb.AdvisoryListing;
import dev.assay.vulndb.AdvisoryStore;
import dev.assay.vulndb.InMemoryAdvisoryStore;
import dev.assay.vulndb.StoreInfo;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Re-analysis after an advisory update, diffed against the index stored in the portfolio, on every database. */
abstract class ReanalysisContract {
    private static final String SECRET = "0123456789abcdef-secret";
    private static final Instant UPLOADED = Instant.parse("2026-12-01T10:00:00Z");

    private final List<AutoCloseable> resources = new ArrayList<>();
    private PortfolioDatabase database;
    private MutableClock uploadClock;

    abstract MonitorDatabases databases();

    @BeforeEach
    void open() {
        database = databases().fresh();
        resources.add(database);
        uploadClock = new MutableClock(UPLOADED);
    }

    @AfterEach
    void close() throws Exception {
        for (AutoCloseable resource : resources.reversed()) {
            resource.close();
        }
    }

    @Test
    void newAdvisoryGeneration_withOneAddedAdvisory_sendsExactlyOneSignedFindingNew_andRematchesOnlyItsComponents()
            throws Exception {
        InMemoryAdvisoryStore before = Portfolios.store(Portfolios.curatedAdvisories(LOG4SHELL_2_GHSA::equals));
        InMemoryAdvisoryStore after = Portfolios.store(Portfolios.curatedAdvisories(id -> false));
        long shop = upload("shop", "1.0", LOG4J_2_14, LOG4J_API, JACKSON_2_9_8);
        long billing = upload("billing", "1.0", JACKSON_2_9_8);
        FindingMatching matching = new FindingMatching(database, uploadClock);
        matching.matchVersion(shop, before);
        matching.matchVersion(billing, before);
        WebhookReceiver receiver = WebhookReceiver.failing(SECRET, 0, 503, null);
        resources.add(receiver);
        new WebhookSubscriptions(database, Clock.systemUTC()).create(receiver.url(), SECRET, Set.of(Event.FINDING_NEW));
        AtomicReference<AdvisoryStore> current = new AtomicReference<>(before);
        AdvisoryChangeDetector detector = new AdvisoryChangeDetector(database, Clock.systemUTC());

        PortfolioMonitoring monitoring = PortfolioMonitoring.start(
                database,
                current::get,
                new PortfolioMonitoring.Settings(
                        WorkQueueContract.settings("monitor"),
                        new WebhookSettings(
                                Duration.ofSeconds(2),
                                Duration.ofSeconds(2),
                                4,
                                new Backoff(Duration.ofMillis(20), Duration.ofMillis(80)),
                                Duration.ofSeconds(5)),
                        Duration.ofMillis(50)),
                Clock.systemUTC());
        resources.add(monitoring);
        WorkQueueContract.await(() -> detector.recorded().isPresent());
        assertThat(count("SELECT COUNT(*) FROM advisory_index"))
                .as("the baseline index is the store the portfolio was matched against")
                .isEqualTo(before.modifiedById().size());

        current.set(after);
        WorkQueueContract.await(() -> !receiver.succeeded().isEmpty());
        WorkQueueContract.await(() -> count("SELECT COUNT(*) FROM work_jobs WHERE state <> 'done'") == 0);
        Thread.sleep(300);

        assertThat(receiver.received()).hasSize(1);
        WebhookReceiver.Received delivery = receiver.received().getFirst();
        assertThat(delivery.signatureValid()).as("HMAC over timestamp.body").isTrue();
        assertThat(delivery.event()).isEqualTo(Event.FINDING_NEW);
        JsonNode data = new ObjectMapper().readTree(delivery.body()).get("data");
        assertThat(data.get("project").asText()).isEqualTo("shop");
        assertThat(data.get("version").asText()).isEqualTo("1.0");
        assertThat(data.get("vulnerability").asText()).isEqualTo("CVE-2021-45046");
        assertThat(data.get("purl").asText()).isEqualTo(LOG4J_2_14);
        // jackson-databind's advisories did not change: its findings were not re-matched.
        assertThat(lastSeen(JACKSON_2_9_8)).isNotEmpty().containsOnly(UPLOADED);
        assertThat(lastSeen(LOG4J_2_14))
                .isNotEmpty()
                .allSatisfy(at -> assertThat(at).isAfter(UPLOADED));
        assertThat(count("SELECT COUNT(*) FROM advisory_index WHERE advisory_id = '" + LOG4SHELL_2_GHSA + "'"))
                .isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM advisory_index_packages WHERE advisory_id = '" + LOG4SHELL_2_GHSA
                        + "' AND package_name = 'org.apache.logging.log4j:log4j-core'"))
                .isEqualTo(1);
    }

    @Test
    void removedAdvisory_isDiffedAgainstTheStoredIndex_resolvesItsFinding_andNotifiesNobody() throws Exception {
        InMemoryAdvisoryStore full = Portfolios.store(Portfolios.curatedAdvisories(id -> false));
        InMemoryAdvisoryStore without = Portfolios.store(Portfolios.curatedAdvisories(LOG4SHELL_2_GHSA::equals));
        long shop = upload("shop", "1.0", LOG4J_2_14, JACKSON_2_9_8);
        FindingMatching matching = new FindingMatching(database, uploadClock);
        matching.matchVersion(shop, full);
        new WebhookSubscriptions(database, Clock.systemUTC())
                .create("http://127.0.0.1:9/hook", SECRET, Set.of(Event.FINDING_NEW));
        AtomicReference<AdvisoryStore> current = new AtomicReference<>(full);
        PortfolioReanalyzer reanalyzer = new PortfolioReanalyzer(database, current::get, matching, uploadClock);

        assertThat(reanalyzer.recordBaseline().outcome()).isEqualTo(PortfolioReanalyzer.Outcome.BASELINE);
        assertThat(reanalyzer.recordBaseline().outcome()).isEqualTo(PortfolioReanalyzer.Outcome.UNCHANGED);
        assertThat(reanalyzer.synchronize(full).outcome()).isEqualTo(PortfolioReanalyzer.Outcome.UNCHANGED);
        // Only the stored index knows which packages the removed record named; the old store is not used.
        PortfolioReanalyzer.Result result = reanalyzer.synchronize(without);

        assertThat(result.outcome()).isEqualTo(PortfolioReanalyzer.Outcome.REANALYZED);
        assertThat(result.changes().orElseThrow().removed()).containsExactly(LOG4SHELL_2_GHSA);
        assertThat(result.matched().orElseThrow().componentsMatched()).isEqualTo(1);
        assertThat(result.matched().orElseThrow().resolvedFindings()).isEqualTo(1);
        assertThat(result.matched().orElseThrow().newFindings()).isEmpty();
        assertThat(count("SELECT COUNT(*) FROM webhook_deliveries")).isZero();
        assertThat(count("SELECT COUNT(*) FROM advisory_index"))
                .isEqualTo(without.modifiedById().size());

        PortfolioReanalyzer.Result back = reanalyzer.synchronize(full);

        assertThat(back.matched().orElseThrow().newFindings())
                .extracting(finding -> finding.vulnerability())
                .containsExactly("CVE-2021-45046");
        assertThat(count("SELECT COUNT(*) FROM webhook_deliveries")).isEqualTo(1);
    }

    @Test
    void indexMovedByAnotherInstanceAfterTheRematchCommitted_stillRaisesTheNewFindingExactlyOnce() throws Exception {
        InMemoryAdvisoryStore before = Portfolios.store(Portfolios.curatedAdvisories(LOG4SHELL_2_GHSA::equals));
        InMemoryAdvisoryStore after = Portfolios.store(Portfolios.curatedAdvisories(id -> false));
        long shop = upload("shop", "1.0", LOG4J_2_14, JACKSON_2_9_8);
        FindingMatching matching = new FindingMatching(database, uploadClock);
        matching.matchVersion(shop, before);
        new WebhookSubscriptions(database, Clock.systemUTC())
                .create("http://127.0.0.1:9/hook", SECRET, Set.of(Event.FINDING_NEW));
        PortfolioReanalyzer reanalyzer = new PortfolioReanalyzer(database, () -> before, matching, uploadClock);
        reanalyzer.recordBaseline();
        // While this pass re-matches, another instance finishes the same update and moves the index: this
        // pass's findings are committed but its index move is refused, as if it had died in between.
        AdvisoryStore interfering = new InterferingStore(
                after,
                () -> database.jdbi()
                        .useTransaction(handle -> AdvisoryIndex.write(
                                handle,
                                after,
                                Set.of(),
                                after.modifiedById().keySet(),
                                "another-instance",
                                OffsetDateTime.now(ZoneOffset.UTC))));

        assertThatThrownBy(() -> reanalyzer.synchronize(interfering)).isInstanceOf(RetryLaterException.class);
        assertThat(count("SELECT COUNT(*) FROM webhook_deliveries"))
                .as("the finding.new committed with the finding it announces")
                .isEqualTo(1);

        PortfolioReanalyzer.Result retry = reanalyzer.synchronize(after);

        assertThat(retry.matched())
                .hasValueSatisfying(matched -> assertThat(matched.newFindings()).isEmpty());
        assertThat(count("SELECT COUNT(*) FROM webhook_deliveries")).isEqualTo(1);
    }

    @Test
    void housekeeping_deletesSettledOldDeliveriesAndLookupsNoComponentMakes_keepsTheRest() {
        InMemoryAdvisoryStore store = Portfolios.store(Portfolios.curatedAdvisories(id -> false));
        FindingMatching matching = new FindingMatching(database, uploadClock);
        matching.matchVersion(upload("shop", "1.0", LOG4J_2_14, JACKSON_2_9_8), store);
        // The same version uploaded again without log4j: its lookups are made by no component any more.
        matching.matchVersion(upload("shop", "1.0", JACKSON_2_9_8), store);
        new WebhookSubscriptions(database, Clock.systemUTC())
                .create("http://127.0.0.1:9/hook", SECRET, Set.of(Event.FINDING_NEW));
        Event event = new Event.FindingNew("shop", "1.0", "CVE-2021-44228", "critical", LOG4J_2_14, true);
        database.jdbi().useTransaction(handle -> {
            Notifications.enqueue(handle, event, uploadClock);
            Notifications.enqueue(handle, event, uploadClock);
        });
        database.jdbi()
                .useHandle(
                        handle -> handle.execute(
                                "UPDATE webhook_deliveries SET state = 'delivered' WHERE id = (SELECT MIN(id) FROM webhook_deliveries)"));
        long lookupsBefore = count("SELECT COUNT(*) FROM advisory_lookups");
        Clock monthLater = Clock.fixed(UPLOADED.plus(Duration.ofDays(31)), ZoneOffset.UTC);

        Housekeeping.Purged purged = new Housekeeping(database, Housekeeping.Retention.DEFAULT, monthLater).run();

        assertThat(purged.deliveries())
                .as("the delivered one; the pending one stays")
                .isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM webhook_deliveries WHERE state = 'pending'"))
                .isEqualTo(1);
        assertThat(purged.lookups()).isPositive();
        assertThat(count("SELECT COUNT(*) FROM advisory_lookups")).isEqualTo(lookupsBefore - purged.lookups());
        assertThat(count("SELECT COUNT(*) FROM advisory_lookups WHERE purl = '" + LOG4J_2_14 + "'"))
                .isZero();
        assertThat(count("SELECT COUNT(*) FROM advisory_lookups WHERE purl = '" + JACKSON_2_9_8 + "'"))
                .isPositive();
        assertThat(new Housekeeping(database, Housekeeping.Retention.DEFAULT, monthLater)
                        .run()
                        .total())
                .isZero();
    }

    /** Delegates to a listing store and runs {@code interference} once, at the first advisory lookup. */
    private static final class InterferingStore implements AdvisoryStore, AdvisoryListing {
        private final InMemoryAdvisoryStore delegate;
        private Runnable interference;

        InterferingStore(InMemoryAdvisoryStore delegate, Runnable interference) {
            this.delegate = delegate;
            this.interference = interference;
        }

        @Override
        public List<Advisory> advisories(String ecosystem, String packageName) {
            if (interference != null) {
                Runnable once = interference;
                interference = null;
                once.run();
            }
            return delegate.advisories(ecosystem, packageName);
        }

        @Override
        public Optional<KevEntry> kev(String cveId) {
            return delegate.kev(cveId);
        }

        @Override
        public Optional<EpssScore> epss(String cveId) {
            return delegate.epss(cveId);
        }

        @Override
        public StoreInfo info() {
            return delegate.info();
        }

        @Override
        public void close() {
            delegate.close();
        }

        @Override
        public SortedMap<String, Instant> modifiedById() {
            return delegate.modifiedById();
        }

        @Override
        public Optional<Advisory> advisory(String id) {
            return delegate.advisory(id);
        }
    }

    private long upload(String project, String version, String... libraries) {
        List<String> components = new ArrayList<>(List.of(FRAMEWORK));
        components.addAll(List.of(libraries));
        String json = Portfolios.cycloneDx(
                APP_1, components, Map.of(APP_1, List.of(FRAMEWORK), FRAMEWORK, List.of(libraries)));
        return Portfolios.upload(database, uploadClock, project, version, json).versionId();
    }

    private long count(String sql) {
        return database.jdbi()
                .withHandle(handle -> handle.createQuery(sql).mapTo(Long.class).one());
    }

    private List<Instant> lastSeen(String purl) {
        return database.jdbi()
                .withHandle(handle -> handle.createQuery("""
                        SELECT f.last_seen FROM findings f JOIN components c ON c.id = f.component_id
                        WHERE c.purl = :purl""")
                        .bind("purl", purl)
                        .mapTo(OffsetDateTime.class)
                        .map(OffsetDateTime::toInstant)
                        .list());
    }
}
