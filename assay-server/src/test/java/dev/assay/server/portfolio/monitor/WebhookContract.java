package dev.assay.server.portfolio.monitor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.assay.model.InvalidInputException;
import dev.assay.server.portfolio.store.PortfolioDatabase;
import dev.assay.server.portfolio.store.SecretSealer;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Webhook subscriptions, the outbox and delivery to a real receiver on loopback, on every database. */
abstract class WebhookContract {
    private static final String SECRET = "0123456789abcdef-secret";
    private static final Event.FindingNew LOG4SHELL = new Event.FindingNew(
            "shop",
            "1.4.0",
            "GHSA-jfh8-c2jp-5v3q",
            "critical",
            "pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1",
            true);
    private static final WebhookSettings FAST = new WebhookSettings(
            Duration.ofSeconds(2),
            Duration.ofMillis(400),
            4,
            new Backoff(Duration.ofMillis(20), Duration.ofMillis(80)),
            Duration.ofSeconds(5));

    private final List<AutoCloseable> resources = new ArrayList<>();
    private PortfolioDatabase database;
    private WebhookSubscriptions subscriptions;
    private WorkQueue queue;

    abstract MonitorDatabases databases();

    @BeforeEach
    void open() {
        database = databases().fresh();
        resources.add(database);
        subscriptions = new WebhookSubscriptions(database, Clock.systemUTC());
        queue = new WorkQueue(database, Clock.systemUTC());
    }

    @AfterEach
    void close() throws Exception {
        for (AutoCloseable resource : resources.reversed()) {
            resource.close();
        }
    }

    @Test
    void receiverFailingTwice_getsTheDeliveryOnceAfterSuccess_signedAndUnchanged() throws Exception {
        WebhookReceiver receiver = receiver(WebhookReceiver.failing(SECRET, 2, 503, null));
        WebhookSubscription subscription = subscriptions.create(receiver.url(), SECRET, Set.of(Event.FINDING_NEW));
        List<String> ids = database.jdbi().inTransaction(handle -> Notifications.enqueue(handle, LOG4SHELL));
        assertThat(ids).hasSize(1);
        String deliveryId = ids.getFirst();
        startWorker(FAST);

        WorkQueueContract.await(() -> state(deliveryId) == WebhookDelivery.State.DELIVERED);
        settle();

        List<WebhookReceiver.Received> received = receiver.received();
        assertThat(received).extracting(WebhookReceiver.Received::status).containsExactly(503, 503, 204);
        assertThat(received).allSatisfy(request -> {
            assertThat(request.signatureValid()).as("HMAC over timestamp.body").isTrue();
            assertThat(request.deliveryId()).isEqualTo(deliveryId);
            assertThat(request.event()).isEqualTo("finding.new");
            assertThat(request.body()).isEqualTo(received.getFirst().body());
        });
        assertThat(receiver.succeeded()).hasSize(1);
        JsonNode body = new ObjectMapper().readTree(received.getFirst().body());
        assertThat(body.get("type").asText()).isEqualTo("finding.new");
        assertThat(body.get("id").asText()).isNotBlank();
        assertThat(body.get("data").get("project").asText()).isEqualTo("shop");
        assertThat(body.get("data").get("version").asText()).isEqualTo("1.4.0");
        assertThat(body.get("data").get("vulnerability").asText()).isEqualTo("GHSA-jfh8-c2jp-5v3q");
        assertThat(body.get("data").get("severity").asText()).isEqualTo("critical");
        assertThat(body.get("data").get("purl").asText()).endsWith("log4j-core@2.14.1");
        assertThat(body.get("data").get("kev").asBoolean()).isTrue();
        WebhookDelivery delivery = subscriptions.delivery(deliveryId).orElseThrow();
        assertThat(delivery.attempts()).isEqualTo(3);
        assertThat(delivery.lastStatus()).contains(204);
        assertThat(delivery.deliveredAt()).isPresent();
        assertThat(subscriptions.deliveries(subscription.id()))
                .extracting(WebhookDelivery::deliveryId)
                .containsExactly(deliveryId);
    }

    @Test
    void withAKey_theSecretIsStoredSealed_andDeliveriesAreStillSignedWithIt() throws Exception {
        useDatabase(databases().instance(sealer(1)));
        WebhookReceiver receiver = receiver(WebhookReceiver.failing(SECRET, 0, 503, null));
        WebhookSubscription subscription = subscriptions.create(receiver.url(), SECRET, Set.of(Event.FINDING_NEW));
        String deliveryId = database.jdbi()
                .inTransaction(handle -> Notifications.enqueue(handle, LOG4SHELL))
                .getFirst();
        startWorker(FAST);

        WorkQueueContract.await(() -> state(deliveryId) == WebhookDelivery.State.DELIVERED);

        String stored = storedSecret(subscription.id());
        assertThat(stored).startsWith(SecretSealer.PREFIX).doesNotContain(SECRET);
        assertThat(receiver.received())
                .singleElement()
                .satisfies(request -> assertThat(request.signatureValid())
                        .as("signed with the secret as given")
                        .isTrue());
    }

    @Test
    void sealStoredSecrets_sealsClearOnesWithAKey_countsThemWithout_andRefusesAnotherKey() {
        WebhookSubscription subscription =
                subscriptions.create("https://hooks.example.com/a", SECRET, Set.of(Event.FINDING_NEW));
        assertThat(storedSecret(subscription.id())).isEqualTo(SECRET);
        assertThat(subscriptions.sealStoredSecrets())
                .as("no key: still in the clear")
                .isEqualTo(new WebhookSubscriptions.SealReport(1, 0));

        useDatabase(databases().instance(sealer(1)));
        assertThat(subscriptions.sealStoredSecrets()).isEqualTo(new WebhookSubscriptions.SealReport(0, 1));
        String sealed = storedSecret(subscription.id());
        assertThat(sealed).startsWith(SecretSealer.PREFIX);
        assertThat(subscriptions.sealStoredSecrets())
                .as("already sealed: unchanged")
                .isEqualTo(new WebhookSubscriptions.SealReport(0, 0));
        assertThat(storedSecret(subscription.id())).isEqualTo(sealed);

        useDatabase(databases().instance(sealer(2)));
        assertThatThrownBy(subscriptions::sealStoredSecrets)
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining(SecretSealer.KEY_VARIABLE);
        useDatabase(databases().instance(SecretSealer.none()));
        assertThatThrownBy(subscriptions::sealStoredSecrets)
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("no key is set");
        assertThat(storedSecret(subscription.id())).isEqualTo(sealed);
    }

    @Test
    void keyRotation_theNewKeyWithThePreviousOne_resealsEverySecret_thenTheNewKeyAloneOpensThem() throws Exception {
        useDatabase(databases().instance(sealer(1)));
        WebhookSubscription subscription =
                subscriptions.create("https://hooks.example.com/a", SECRET, Set.of(Event.FINDING_NEW));
        String sealedWithOld = storedSecret(subscription.id());

        useDatabase(databases().instance(SecretSealer.withKeys(key(2), key(1))));
        assertThat(subscriptions.sealStoredSecrets()).isEqualTo(new WebhookSubscriptions.SealReport(0, 1));

        String sealedWithNew = storedSecret(subscription.id());
        assertThat(sealedWithNew).startsWith(SecretSealer.PREFIX).isNotEqualTo(sealedWithOld);
        useDatabase(databases().instance(sealer(2)));
        assertThat(subscriptions.sealStoredSecrets()).isEqualTo(new WebhookSubscriptions.SealReport(0, 0));
        assertThat(database.secrets().open(sealedWithNew)).isEqualTo(SECRET);
        useDatabase(databases().instance(sealer(1)));
        assertThatThrownBy(subscriptions::sealStoredSecrets).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void create_secretCarryingTheSealedMark_isRefused() {
        assertThatThrownBy(() -> subscriptions.create(
                        "https://hooks.example.com/a",
                        SecretSealer.PREFIX + "0123456789abcdef",
                        Set.of(Event.FINDING_NEW)))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("must not start with");
    }

    @Test
    void hangingReceiver_timesOut_thenRetried() {
        WebhookReceiver receiver = receiver(WebhookReceiver.hanging(SECRET, 1, Duration.ofSeconds(3)));
        subscriptions.create(receiver.url(), SECRET, Set.of(Event.FINDING_NEW));
        String deliveryId = database.jdbi()
                .inTransaction(handle -> Notifications.enqueue(handle, LOG4SHELL))
                .getFirst();
        Instant started = Instant.now();
        startWorker(FAST);

        WorkQueueContract.await(() -> state(deliveryId) == WebhookDelivery.State.DELIVERED);

        assertThat(Duration.between(started, Instant.now()))
                .as("the hang was cut by the request timeout, not waited out")
                .isLessThan(Duration.ofMillis(2900));
        assertThat(receiver.received())
                .extracting(WebhookReceiver.Received::status)
                .containsExactly(-1, 204);
        assertThat(subscriptions.delivery(deliveryId).orElseThrow().attempts()).isEqualTo(2);
    }

    @Test
    void tooManyRequests_honoursRetryAfter() {
        WebhookReceiver receiver = receiver(WebhookReceiver.failing(SECRET, 1, 429, "1"));
        subscriptions.create(receiver.url(), SECRET, Set.of(Event.FINDING_NEW));
        String deliveryId = database.jdbi()
                .inTransaction(handle -> Notifications.enqueue(handle, LOG4SHELL))
                .getFirst();
        startWorker(FAST);

        WorkQueueContract.await(() -> state(deliveryId) == WebhookDelivery.State.DELIVERED);

        List<WebhookReceiver.Received> received = receiver.received();
        assertThat(received).extracting(WebhookReceiver.Received::status).containsExactly(429, 204);
        assertThat(Duration.between(received.get(0).at(), received.get(1).at()))
                .isGreaterThanOrEqualTo(Duration.ofMillis(950));
    }

    @Test
    void clientError_failsWithoutRetry() {
        WebhookReceiver receiver = receiver(WebhookReceiver.failing(SECRET, 100, 410, null));
        subscriptions.create(receiver.url(), SECRET, Set.of(Event.FINDING_NEW));
        String deliveryId = database.jdbi()
                .inTransaction(handle -> Notifications.enqueue(handle, LOG4SHELL))
                .getFirst();
        startWorker(FAST);

        WorkQueueContract.await(() -> state(deliveryId) == WebhookDelivery.State.FAILED);
        settle();

        assertThat(receiver.received()).hasSize(1);
        WebhookDelivery delivery = subscriptions.delivery(deliveryId).orElseThrow();
        assertThat(delivery.lastStatus()).contains(410);
        assertThat(delivery.attempts()).isEqualTo(1);
    }

    @Test
    void redirect_isNotFollowed_andFailsWithoutRetry() {
        WebhookReceiver receiver = receiver(WebhookReceiver.failing(SECRET, 100, 302, null));
        subscriptions.create(receiver.url(), SECRET, Set.of(Event.FINDING_NEW));
        String deliveryId = database.jdbi()
                .inTransaction(handle -> Notifications.enqueue(handle, LOG4SHELL))
                .getFirst();
        startWorker(FAST);

        WorkQueueContract.await(() -> state(deliveryId) == WebhookDelivery.State.FAILED);
        settle();

        assertThat(receiver.received()).hasSize(1);
        assertThat(subscriptions.delivery(deliveryId).orElseThrow().lastStatus())
                .contains(302);
    }

    @Test
    void hostileDeliveryJobs_areDeadOrDone_neverRetriedForever() {
        long garbage = queue.enqueue(JobRequest.of(Notifications.DELIVER_KIND, "{not json", Instant.now()))
                .orElseThrow();
        long wrongType = queue.enqueue(JobRequest.of(Notifications.DELIVER_KIND, "{\"delivery\":5}", Instant.now()))
                .orElseThrow();
        long array = queue.enqueue(JobRequest.of(Notifications.DELIVER_KIND, "[1,2]", Instant.now()))
                .orElseThrow();
        long unknown = queue.enqueue(JobRequest.of(
                        Notifications.DELIVER_KIND, Notifications.jobPayload("no-such-delivery"), Instant.now()))
                .orElseThrow();
        startWorker(FAST);

        WorkQueueContract.await(
                () -> queue.counts().get(JobState.DEAD) == 3 && queue.counts().get(JobState.DONE) == 1);

        for (long id : List.of(garbage, wrongType, array)) {
            JobStatus status = queue.status(id).orElseThrow();
            assertThat(status.state()).isEqualTo(JobState.DEAD);
            assertThat(status.attempts()).isEqualTo(1);
        }
        assertThat(queue.status(unknown).orElseThrow().state()).isEqualTo(JobState.DONE);
    }

    @Test
    void serverErrorEveryTime_failsAfterMaxAttempts() {
        WebhookReceiver receiver = receiver(WebhookReceiver.failing(SECRET, 100, 500, null));
        subscriptions.create(receiver.url(), SECRET, Set.of(Event.FINDING_NEW));
        String deliveryId = database.jdbi()
                .inTransaction(handle -> Notifications.enqueue(handle, LOG4SHELL))
                .getFirst();
        startWorker(FAST);

        WorkQueueContract.await(() -> state(deliveryId) == WebhookDelivery.State.FAILED);
        settle();

        assertThat(receiver.received()).hasSize(FAST.maxAttempts());
        WebhookDelivery delivery = subscriptions.delivery(deliveryId).orElseThrow();
        assertThat(delivery.attempts()).isEqualTo(FAST.maxAttempts());
        assertThat(delivery.lastError())
                .hasValueSatisfying(error -> assertThat(error).contains("giving up"));
    }

    @Test
    void refusedConnection_retriedThenFailed() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        subscriptions.create("http://127.0.0.1:" + closedPort + "/hook", SECRET, Set.of(Event.FINDING_NEW));
        String deliveryId = database.jdbi()
                .inTransaction(handle -> Notifications.enqueue(handle, LOG4SHELL))
                .getFirst();
        startWorker(FAST);

        WorkQueueContract.await(() -> state(deliveryId) == WebhookDelivery.State.FAILED);

        WebhookDelivery delivery = subscriptions.delivery(deliveryId).orElseThrow();
        assertThat(delivery.attempts()).isEqualTo(FAST.maxAttempts());
        assertThat(delivery.lastStatus()).isEmpty();
        assertThat(delivery.lastError())
                .hasValueSatisfying(error -> assertThat(error).contains("connect"));
    }

    @Test
    void enqueue_reachesOnlyActiveSubscribersOfTheEventType() {
        WebhookSubscription findings =
                subscriptions.create("https://a.example/hook", SECRET, Set.of(Event.FINDING_NEW));
        WebhookSubscription advisories =
                subscriptions.create("https://b.example/hook", SECRET, Set.of(Event.ADVISORIES_UPDATED));
        WebhookSubscription stopped = subscriptions.create(
                "https://c.example/hook", SECRET, Set.of(Event.FINDING_NEW, Event.ADVISORIES_UPDATED));
        assertThat(subscriptions.deactivate(stopped.id())).isTrue();

        List<String> ids = database.jdbi().inTransaction(handle -> Notifications.enqueue(handle, LOG4SHELL));

        assertThat(ids).hasSize(1);
        assertThat(subscriptions.deliveries(findings.id())).hasSize(1);
        assertThat(subscriptions.deliveries(advisories.id())).isEmpty();
        assertThat(subscriptions.deliveries(stopped.id())).isEmpty();
        assertThat(queue.counts()).containsEntry(JobState.QUEUED, 1L);
        assertThat(subscriptions.list()).extracting(WebhookSubscription::active).containsExactly(true, true, false);
    }

    @Test
    void enqueue_inRolledBackTransaction_leavesNoDeliveryAndNoJob() {
        WebhookSubscription subscription =
                subscriptions.create("https://a.example/hook", SECRET, Set.of(Event.FINDING_NEW));
        try {
            database.jdbi().useTransaction(handle -> {
                Notifications.enqueue(handle, LOG4SHELL);
                throw new IllegalStateException("the finding was not stored");
            });
        } catch (IllegalStateException expected) {
            // rolled back
        }

        assertThat(subscriptions.deliveries(subscription.id())).isEmpty();
        assertThat(queue.counts()).containsEntry(JobState.QUEUED, 0L);
    }

    @Test
    void deactivatedBeforeSending_deliveryFailsUnsent() {
        WebhookReceiver receiver = receiver(WebhookReceiver.failing(SECRET, 0, 0, null));
        WebhookSubscription subscription = subscriptions.create(receiver.url(), SECRET, Set.of(Event.FINDING_NEW));
        String deliveryId = database.jdbi()
                .inTransaction(handle -> Notifications.enqueue(handle, LOG4SHELL))
                .getFirst();
        subscriptions.deactivate(subscription.id());
        startWorker(FAST);

        WorkQueueContract.await(() -> state(deliveryId) == WebhookDelivery.State.FAILED);

        assertThat(receiver.received()).isEmpty();
    }

    @Test
    void create_refusesUnsafeUrlsShortSecretsAndUnknownEvents() {
        for (String url : List.of(
                "file:///etc/passwd",
                "ftp://example.com/x",
                "jar:file:/x.jar!/",
                "javascript:alert(1)",
                "http:///no-host",
                "https://user:pass@example.com/hook",
                "https://example.com/hook#frag",
                "example.com/hook",
                "http://exa mple.com/")) {
            assertThatThrownBy(() -> subscriptions.create(url, SECRET, Set.of(Event.FINDING_NEW)))
                    .as(url)
                    .isInstanceOf(InvalidInputException.class);
        }
        assertThatThrownBy(() -> subscriptions.create("https://example.com/h", "short", Set.of(Event.FINDING_NEW)))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("secret");
        assertThatThrownBy(() -> subscriptions.create("https://example.com/h", SECRET, Set.of("finding.gone")))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("finding.gone");
        assertThatThrownBy(() -> subscriptions.create("https://example.com/h", SECRET, Set.of()))
                .isInstanceOf(InvalidInputException.class);
        assertThat(subscriptions.list()).isEmpty();

        WebhookSubscription created =
                subscriptions.create("HTTPS://hooks.example.com:8443/assay?x=1", SECRET, Set.of(Event.FINDING_NEW));
        assertThat(subscriptions.find(created.id())).hasValueSatisfying(found -> {
            assertThat(found.url().toString()).isEqualTo("HTTPS://hooks.example.com:8443/assay?x=1");
            assertThat(found.events()).containsExactly(Event.FINDING_NEW);
        });
    }

    @Test
    void advisoriesUpdated_isDeliveredWithItsGenerations() throws Exception {
        WebhookReceiver receiver = receiver(WebhookReceiver.failing(SECRET, 0, 0, null));
        subscriptions.create(receiver.url(), SECRET, Set.of(Event.ADVISORIES_UPDATED));
        Event event = new Event.AdvisoriesUpdated(
                Optional.of("sha256:old"), "sha256:new", Instant.parse("2026-12-04T08:00:00Z"), 1234);
        String deliveryId = database.jdbi()
                .inTransaction(handle -> Notifications.enqueue(handle, event))
                .getFirst();
        startWorker(FAST);

        WorkQueueContract.await(() -> state(deliveryId) == WebhookDelivery.State.DELIVERED);

        JsonNode data = new ObjectMapper()
                .readTree(receiver.received().getFirst().body())
                .get("data");
        assertThat(data.get("previousGeneration").asText()).isEqualTo("sha256:old");
        assertThat(data.get("generation").asText()).isEqualTo("sha256:new");
        assertThat(data.get("updatedAt").asText()).isEqualTo("2026-12-04T08:00:00Z");
        assertThat(data.get("advisories").asInt()).isEqualTo(1234);
        assertThat(receiver.received().getFirst().event()).isEqualTo("advisories.updated");
    }

    private void useDatabase(PortfolioDatabase other) {
        resources.add(other);
        database = other;
        subscriptions = new WebhookSubscriptions(database, Clock.systemUTC());
        queue = new WorkQueue(database, Clock.systemUTC());
    }

    private static SecretSealer sealer(int keyByte) {
        return SecretSealer.withKey(key(keyByte));
    }

    private static byte[] key(int keyByte) {
        byte[] key = new byte[32];
        java.util.Arrays.fill(key, (byte) keyByte);
        return key;
    }

    private String storedSecret(long id) {
        return database.jdbi()
                .withHandle(handle -> handle.createQuery("SELECT secret FROM webhook_subscriptions WHERE id = :id")
                        .bind("id", id)
                        .mapTo(String.class)
                        .one());
    }

    private WebhookDelivery.State state(String deliveryId) {
        return subscriptions.delivery(deliveryId).orElseThrow().state();
    }

    private void startWorker(WebhookSettings settings) {
        JobHandlers handlers =
                new JobHandlers().register(new WebhookDeliveryHandler(database, settings, Clock.systemUTC()));
        resources.add(new Worker(queue, handlers, WorkQueueContract.settings("hooks")).start());
    }

    private WebhookReceiver receiver(WebhookReceiver receiver) {
        resources.add(receiver);
        return receiver;
    }

    /** Gives a wrongly scheduled extra attempt the time to show up before the receiver's log is checked. */
    private static void settle() {
        try {
            Thread.sleep(300);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
