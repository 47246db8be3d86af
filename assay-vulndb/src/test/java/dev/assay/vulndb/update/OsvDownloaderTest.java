package dev.assay.vulndb.update;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.assay.model.InvalidInputException;
import dev.assay.model.NoVerdictException;
import dev.assay.model.untrusted.SafeJson;
import dev.assay.testkit.Corpora;
import dev.assay.vulndb.update.EcosystemDownload.Failed;
import dev.assay.vulndb.update.EcosystemDownload.FailureKind;
import dev.assay.vulndb.update.EcosystemDownload.NotAvailable;
import dev.assay.vulndb.update.EcosystemDownload.Unchanged;
import dev.assay.vulndb.update.EcosystemDownload.Updated;
import dev.assay.vulndb.update.FakeOsvMirror.Dump;
import java.io.IOException;
import java.net.URI;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.zip.CRC32C;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(value = 10, unit = TimeUnit.SECONDS)
class OsvDownloaderTest {
    private static final String MAVEN = "/Maven/all.zip";
    private static final Instant NOW = Instant.parse("2025-09-03T12:00:00Z");
    private static final String ETAG = "\"etag-1\"";

    @TempDir
    Path cache;

    private FakeOsvMirror mirror;

    @BeforeEach
    void startMirror() throws IOException {
        mirror = FakeOsvMirror.start();
    }

    @AfterEach
    void stopMirror() {
        mirror.close();
    }

    private OsvDownloadOptions options() {
        return OsvDownloadOptions.defaults(cache)
                .withBaseUrl(mirror.baseUrl())
                .withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(8), Duration.ofSeconds(2))
                .withRetries(2, Duration.ofMillis(10), Duration.ofMillis(50))
                .withClock(Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private DownloadRun download(OsvDownloadOptions options, DownloadListener listener, String... ecosystems) {
        try (OsvDownloader downloader = new OsvDownloader(options)) {
            return downloader.download(List.of(ecosystems), listener);
        }
    }

    private DownloadRun download(String... ecosystems) {
        return download(options(), DownloadListener.NONE, ecosystems);
    }

    private static EcosystemDownload only(DownloadRun run) {
        assertThat(run.ecosystems()).hasSize(1);
        return run.ecosystems().getFirst();
    }

    private Path mavenFolder() {
        return cache.resolve("osv").resolve("Maven");
    }

    private static byte[] curatedGhsaDump() {
        return TestDumps.fromCorpus(
                Corpora.require("advisories/github-advisory-database-curated/advisories"), Integer.MAX_VALUE);
    }

    private static byte[] goVulnDump(int records) {
        return TestDumps.fromCorpus(Corpora.require("advisories/golang-vulndb/osv"), records);
    }

    @Test
    void download_freshEcosystem_writesVerifiedZipAndMetadata() throws IOException {
        byte[] dump = curatedGhsaDump();
        mirror.route(MAVEN, new Dump(dump, ETAG));
        RecordingListener listener = new RecordingListener();

        DownloadRun run = download(options(), listener, "Maven");

        Updated updated = (Updated) only(run);
        Path zip = mavenFolder().resolve("all.zip");
        assertThat(updated.file()).isEqualTo(zip);
        assertThat(updated.bytes()).isEqualTo(dump.length);
        assertThat(updated.sha256()).isEqualTo(TestDumps.sha256(dump));
        assertThat(Files.readAllBytes(zip)).isEqualTo(dump);
        try (ZipFile opened = new ZipFile(zip.toFile())) {
            assertThat(opened.size()).isEqualTo(29);
        }
        assertThat(mavenFolder().resolve("all.zip.part")).doesNotExist();
        assertThat(mavenFolder().resolve("all.zip.part.json")).doesNotExist();
        JsonNode metadata = SafeJson.read(Files.readAllBytes(mavenFolder().resolve("all.zip.json")), "metadata");
        assertThat(metadata.path("etag").asText()).isEqualTo(ETAG);
        assertThat(metadata.path("lastModified").asText()).isEqualTo(Dump.LAST_MODIFIED);
        assertThat(metadata.path("bytes").asLong()).isEqualTo(dump.length);
        assertThat(metadata.path("sha256").asText()).isEqualTo(TestDumps.sha256(dump));
        assertThat(metadata.path("downloadedAt").asText()).isEqualTo(NOW.toString());
        assertThat(metadata.path("url").asText()).isEqualTo(mirror.baseUrl() + MAVEN);
        assertThat(listener.events).first().isEqualTo("started Maven " + mirror.baseUrl() + MAVEN);
        assertThat(listener.events).contains("progress Maven " + dump.length + "/" + dump.length);
        assertThat(listener.events).last().asString().startsWith("finished Updated");
        assertThat(run.duration()).isPositive();
        assertThat(run.startedAt()).isEqualTo(NOW);
        FakeOsvMirror.Request request = mirror.requests(MAVEN).getFirst();
        assertThat(request.header("If-None-Match")).isNull();
        assertThat(request.header("Range")).isNull();
        assertThat(request.header("Accept-Encoding")).isEqualTo("identity");
    }

    @Test
    void download_remoteUnchanged_sendsValidatorsAndReportsUnchangedOn304() throws IOException {
        byte[] dump = TestDumps.inline("Maven", "GHSA-0001", "GHSA-0002");
        mirror.route(MAVEN, new Dump(dump, ETAG));
        download("Maven");
        Path zip = mavenFolder().resolve("all.zip");
        Instant writtenAt = Files.getLastModifiedTime(zip).toInstant();

        EcosystemDownload second = only(download("Maven"));

        assertThat(second).isEqualTo(new Unchanged("Maven", zip, TestDumps.sha256(dump), dump.length));
        FakeOsvMirror.Request request = mirror.requests(MAVEN).get(1);
        assertThat(request.header("If-None-Match")).isEqualTo(ETAG);
        assertThat(request.header("If-Modified-Since")).isEqualTo(Dump.LAST_MODIFIED);
        assertThat(Files.readAllBytes(zip)).isEqualTo(dump);
        assertThat(Files.getLastModifiedTime(zip).toInstant()).isEqualTo(writtenAt);
    }

    @Test
    void download_remoteChangedSinceLastRun_downloadsNewDump() throws IOException {
        byte[] first = TestDumps.inline("Maven", "GHSA-0001");
        byte[] second = TestDumps.inline("Maven", "GHSA-0001", "GHSA-0002");
        Dump served = new Dump(first, ETAG);
        mirror.route(MAVEN, served);
        download("Maven");
        served.replace(second, "\"etag-2\"", "Wed, 03 Sep 2025 10:00:00 GMT");

        Updated updated = (Updated) only(download("Maven"));

        assertThat(updated.sha256()).isEqualTo(TestDumps.sha256(second));
        assertThat(Files.readAllBytes(updated.file())).isEqualTo(second);
    }

    @Test
    void download_sameBytesUnderNewEtag_reportsUnchanged() {
        byte[] dump = TestDumps.inline("Maven", "GHSA-0001");
        Dump served = new Dump(dump, ETAG);
        mirror.route(MAVEN, served);
        download("Maven");
        served.replace(dump, "\"re-uploaded\"", "Thu, 04 Sep 2025 10:00:00 GMT");

        EcosystemDownload second = only(download("Maven"));

        assertThat(second).isInstanceOf(Unchanged.class);
        assertThat(only(download("Maven"))).isInstanceOf(Unchanged.class);
        assertThat(mirror.requests(MAVEN).get(2).header("If-None-Match")).isEqualTo("\"re-uploaded\"");
    }

    @Test
    void download_connectionDropsMidBody_resumesWithRangeAndIfRange() throws IOException {
        byte[] dump = goVulnDump(300);
        assertThat(dump.length).isGreaterThan(50_000);
        mirror.route(MAVEN, new Dump(dump, ETAG).dropAfter(20_000, 1));
        RecordingListener listener = new RecordingListener();

        Updated updated = (Updated) only(download(options(), listener, "Maven"));

        assertThat(Files.readAllBytes(updated.file())).isEqualTo(dump);
        assertThat(updated.sha256()).isEqualTo(TestDumps.sha256(dump));
        List<FakeOsvMirror.Request> requests = mirror.requests(MAVEN);
        assertThat(requests).hasSize(2);
        assertThat(requests.get(1).header("Range")).isEqualTo("bytes=20000-");
        assertThat(requests.get(1).header("If-Range")).isEqualTo(ETAG);
        assertThat(listener.events).anyMatch(event -> event.startsWith("retrying Maven 1 "));
        assertThat(listener.events).contains("progress Maven 20000/" + dump.length);
    }

    @Test
    void download_partLeftByInterruptedRun_isResumedByNextRun() throws IOException {
        byte[] dump = goVulnDump(300);
        Dump served = new Dump(dump, ETAG).dropAfter(30_000, 1);
        mirror.route(MAVEN, served);

        Failed failed = (Failed) only(download(
                options().withRetries(0, Duration.ofMillis(10), Duration.ofMillis(10)),
                DownloadListener.NONE,
                "Maven"));
        assertThat(failed.kind()).isEqualTo(FailureKind.NETWORK);
        assertThat(mavenFolder().resolve("all.zip.part")).hasSize(30_000);
        assertThat(mavenFolder().resolve("all.zip")).doesNotExist();

        Updated updated = (Updated) only(download("Maven"));

        assertThat(Files.readAllBytes(updated.file())).isEqualTo(dump);
        assertThat(mirror.requests(MAVEN).get(1).header("Range")).isEqualTo("bytes=30000-");
    }

    @Test
    void download_remoteChangedBetweenAttempts_ifRangeFailsAndWholeNewDumpReplacesPart() throws IOException {
        byte[] original = goVulnDump(300);
        byte[] changed = goVulnDump(320);
        Dump served = new Dump(original, ETAG).dropAfter(20_000, 1);
        mirror.route(MAVEN, served);
        DownloadListener changeAfterDrop = new DownloadListener() {
            @Override
            public void retrying(String ecosystem, int retry, Duration delay, String reason) {
                served.replace(changed, "\"etag-2\"", "Wed, 03 Sep 2025 10:00:00 GMT");
            }
        };

        Updated updated = (Updated) only(download(options(), changeAfterDrop, "Maven"));

        List<FakeOsvMirror.Request> requests = mirror.requests(MAVEN);
        assertThat(requests).hasSize(2);
        assertThat(requests.get(1).header("Range")).isEqualTo("bytes=20000-");
        assertThat(requests.get(1).header("If-Range")).isEqualTo(ETAG);
        assertThat(Files.readAllBytes(updated.file())).isEqualTo(changed);
        assertThat(updated.sha256()).isEqualTo(TestDumps.sha256(changed));
        JsonNode metadata = SafeJson.read(Files.readAllBytes(mavenFolder().resolve("all.zip.json")), "metadata");
        assertThat(metadata.path("etag").asText()).isEqualTo("\"etag-2\"");
    }

    @Test
    void download_partAlreadyComplete_416FinishesItWithoutDownloadingAgain() throws IOException {
        byte[] dump = TestDumps.inline("Maven", "GHSA-0001", "GHSA-0002");
        mirror.route(MAVEN, new Dump(dump, ETAG));
        Files.createDirectories(mavenFolder());
        Files.write(mavenFolder().resolve("all.zip.part"), dump);
        Files.writeString(
                mavenFolder().resolve("all.zip.part.json"),
                "{\"url\":\"" + mirror.baseUrl() + MAVEN + "\",\"etag\":\"\\\"etag-1\\\"\",\"totalBytes\":"
                        + dump.length + "}");

        Updated updated = (Updated) only(download("Maven"));

        assertThat(Files.readAllBytes(updated.file())).isEqualTo(dump);
        assertThat(mirror.requests(MAVEN)).hasSize(1);
        assertThat(mirror.requests(MAVEN).getFirst().header("Range")).isEqualTo("bytes=" + dump.length + "-");
    }

    @Test
    void download_serverIgnoresRange_restartsFromZeroWith200() throws IOException {
        byte[] dump = goVulnDump(300);
        mirror.route(MAVEN, new Dump(dump, ETAG).ignoringRange().dropAfter(20_000, 1));

        Updated updated = (Updated) only(download("Maven"));

        assertThat(Files.readAllBytes(updated.file())).isEqualTo(dump);
        assertThat(mirror.requests(MAVEN).get(1).header("Range")).isEqualTo("bytes=20000-");
    }

    @Test
    void download_onlyWeakEtag_cannotResumeAndStartsOver() throws IOException {
        byte[] dump = goVulnDump(300);
        mirror.route(MAVEN, new Dump(dump, "W/\"weak\"").withoutLastModified().dropAfter(20_000, 1));

        Updated updated = (Updated) only(download("Maven"));

        assertThat(Files.readAllBytes(updated.file())).isEqualTo(dump);
        assertThat(mirror.requests(MAVEN).get(1).header("Range")).isNull();
        assertThat(mirror.requests(MAVEN).get(1).header("If-Range")).isNull();
    }

    @Test
    void download_lastModifiedOnly_isUsedForIfRange() throws IOException {
        byte[] dump = goVulnDump(300);
        mirror.route(MAVEN, new Dump(dump, null).dropAfter(20_000, 1));

        Updated updated = (Updated) only(download("Maven"));

        assertThat(Files.readAllBytes(updated.file())).isEqualTo(dump);
        assertThat(mirror.requests(MAVEN).get(1).header("If-Range")).isEqualTo(Dump.LAST_MODIFIED);
    }

    @Test
    void download_partLongerThanRemote_416DiscardsPartAndDownloadsAgain() throws IOException {
        byte[] dump = TestDumps.inline("Maven", "GHSA-0001");
        mirror.route(MAVEN, new Dump(dump, ETAG));
        Files.createDirectories(mavenFolder());
        Files.write(mavenFolder().resolve("all.zip.part"), new byte[dump.length + 10]);
        Files.writeString(
                mavenFolder().resolve("all.zip.part.json"),
                "{\"url\":\"" + mirror.baseUrl() + MAVEN + "\",\"etag\":\"\\\"etag-1\\\"\"}");

        Updated updated = (Updated) only(download("Maven"));

        assertThat(Files.readAllBytes(updated.file())).isEqualTo(dump);
        assertThat(mirror.requests(MAVEN))
                .extracting(request -> request.header("Range"))
                .containsExactly("bytes=" + (dump.length + 10) + "-", null);
    }

    @Test
    void download_partWithoutMetadata_isDiscardedAndDownloadStartsOver() throws IOException {
        byte[] dump = TestDumps.inline("Maven", "GHSA-0001");
        mirror.route(MAVEN, new Dump(dump, ETAG));
        Files.createDirectories(mavenFolder());
        Files.write(mavenFolder().resolve("all.zip.part"), new byte[] {1, 2, 3, 4, 5});

        Updated updated = (Updated) only(download("Maven"));

        assertThat(Files.readAllBytes(updated.file())).isEqualTo(dump);
        assertThat(mirror.requests(MAVEN).getFirst().header("Range")).isNull();
    }

    @Test
    void download_correctGoogHash_isVerifiedAndAccepted() {
        byte[] dump = TestDumps.inline("Maven", "GHSA-0001");
        mirror.route(MAVEN, new Dump(dump, ETAG).googHash(googHash(dump)));

        assertThat(only(download("Maven"))).isInstanceOf(Updated.class);
    }

    @Test
    void download_wrongGoogHashMd5_failsAndKeepsPreviousDump() throws IOException {
        byte[] first = TestDumps.inline("Maven", "GHSA-0001");
        byte[] second = TestDumps.inline("Maven", "GHSA-0001", "GHSA-0002");
        Dump served = new Dump(first, ETAG);
        mirror.route(MAVEN, served);
        download("Maven");
        byte[] metadataBefore = Files.readAllBytes(mavenFolder().resolve("all.zip.json"));
        String crcOfSecondButMd5OfFirst = "crc32c=" + crc32cBase64(second) + ",md5=" + md5Base64(first);
        served.replace(second, "\"etag-2\"", "Wed, 03 Sep 2025 10:00:00 GMT").googHash(crcOfSecondButMd5OfFirst);

        Failed failed = (Failed) only(download("Maven"));

        assertThat(failed.kind()).isEqualTo(FailureKind.INTEGRITY);
        assertThat(failed.reason()).contains("MD5");
        assertThat(Files.readAllBytes(mavenFolder().resolve("all.zip"))).isEqualTo(first);
        assertThat(Files.readAllBytes(mavenFolder().resolve("all.zip.json"))).isEqualTo(metadataBefore);
        assertThat(mavenFolder().resolve("all.zip.part")).doesNotExist();
        assertThat(mirror.requests(MAVEN))
                .as("integrity failures are not retried")
                .hasSize(2);
    }

    @Test
    void download_wrongGoogHashCrc32cAsSeparateHeaderLines_fails() {
        byte[] dump = TestDumps.inline("Maven", "GHSA-0001");
        byte[] other = TestDumps.inline("Maven", "GHSA-0002");
        mirror.route(MAVEN, (exchange, number) -> {
            exchange.getResponseHeaders().add("x-goog-hash", "crc32c=" + crc32cBase64(other));
            exchange.getResponseHeaders().add("x-goog-hash", "md5=" + md5Base64(dump));
            exchange.sendResponseHeaders(200, dump.length);
            exchange.getResponseBody().write(dump);
        });

        Failed failed = (Failed) only(download("Maven"));

        assertThat(failed.kind()).isEqualTo(FailureKind.INTEGRITY);
        assertThat(failed.reason()).contains("CRC32C");
    }

    @Test
    void download_malformedGoogHash_failsInsteadOfSkippingTheCheck() {
        byte[] dump = TestDumps.inline("Maven", "GHSA-0001");
        mirror.route(MAVEN, new Dump(dump, ETAG).googHash("md5=not-base64!!"));

        Failed failed = (Failed) only(download("Maven"));

        assertThat(failed.kind()).isEqualTo(FailureKind.PROTOCOL);
        assertThat(cache.resolve("osv/Maven/all.zip")).doesNotExist();
    }

    @Test
    void download_truncatedZip_failsAsCorruptArchiveAndKeepsPreviousDump() throws IOException {
        byte[] first = TestDumps.inline("Maven", "GHSA-0001");
        byte[] complete = curatedGhsaDump();
        byte[] truncated = Arrays.copyOf(complete, complete.length - 100);
        Dump served = new Dump(first, ETAG);
        mirror.route(MAVEN, served);
        download("Maven");
        served.replace(truncated, "\"etag-2\"", "Wed, 03 Sep 2025 10:00:00 GMT");

        Failed failed = (Failed) only(download("Maven"));

        assertThat(failed.kind()).isEqualTo(FailureKind.CORRUPT_ARCHIVE);
        assertThat(Files.readAllBytes(mavenFolder().resolve("all.zip"))).isEqualTo(first);
        assertThat(mavenFolder().resolve("all.zip.part")).doesNotExist();
    }

    @Test
    void download_notAZipAtAll_failsAsCorruptArchive() {
        mirror.route(
                MAVEN, new Dump("<html>maintenance</html>".getBytes(java.nio.charset.StandardCharsets.UTF_8), ETAG));

        Failed failed = (Failed) only(download("Maven"));

        assertThat(failed.kind()).isEqualTo(FailureKind.CORRUPT_ARCHIVE);
    }

    @Test
    void download_contentLengthAboveLimit_failsWithoutWritingOrRetrying() {
        mirror.route(MAVEN, new Dump(new byte[0], ETAG).declaring(5_000_000_000L));

        Failed failed = (Failed) only(download("Maven"));

        assertThat(failed.kind()).as(failed.reason()).isEqualTo(FailureKind.TOO_LARGE);
        assertThat(failed.reason()).contains("5000000000");
        assertThat(mavenFolder().resolve("all.zip.part")).doesNotExist();
        assertThat(mirror.requests(MAVEN)).hasSize(1);
    }

    @Test
    void download_streamWithoutLengthExceedingLimit_isAborted() {
        byte[] dump = goVulnDump(300);
        mirror.route(MAVEN, new Dump(dump, ETAG).chunked());

        Failed failed = (Failed) only(download(options().withMaxDownloadBytes(10_000), DownloadListener.NONE, "Maven"));

        assertThat(failed.kind()).isEqualTo(FailureKind.TOO_LARGE);
        assertThat(mavenFolder().resolve("all.zip.part")).doesNotExist();
        assertThat(mirror.requests(MAVEN)).hasSize(1);
    }

    @Test
    void download_streamWithoutLengthWithinLimit_isAccepted() throws IOException {
        byte[] dump = TestDumps.inline("Maven", "GHSA-0001", "GHSA-0002");
        mirror.route(MAVEN, new Dump(dump, ETAG).chunked());

        Updated updated = (Updated) only(download("Maven"));

        assertThat(Files.readAllBytes(updated.file())).isEqualTo(dump);
    }

    @Test
    void download_serverSendsNothing_failsWithTimeoutAfterStallTimeout() {
        mirror.route(MAVEN, (exchange, number) -> mirror.stallUntilClosed());
        OsvDownloadOptions options = options()
                .withTimeouts(Duration.ofMillis(500), Duration.ofSeconds(8), Duration.ofSeconds(1))
                .withRetries(0, Duration.ofMillis(10), Duration.ofMillis(10));
        long start = System.nanoTime();

        Failed failed = (Failed) only(download(options, DownloadListener.NONE, "Maven"));

        assertThat(failed.kind()).isEqualTo(FailureKind.TIMEOUT);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(4));
    }

    @Test
    void download_bodyStallsMidway_failsWithTimeoutAndKeepsPartForResume() {
        byte[] dump = goVulnDump(300);
        mirror.route(MAVEN, (exchange, number) -> {
            exchange.getResponseHeaders().set("ETag", ETAG);
            exchange.sendResponseHeaders(200, dump.length);
            exchange.getResponseBody().write(dump, 0, 10_000);
            exchange.getResponseBody().flush();
            mirror.stallUntilClosed();
        });
        OsvDownloadOptions options = options()
                .withTimeouts(Duration.ofMillis(500), Duration.ofSeconds(8), Duration.ofSeconds(1))
                .withRetries(0, Duration.ofMillis(10), Duration.ofMillis(10));
        long start = System.nanoTime();

        Failed failed = (Failed) only(download(options, DownloadListener.NONE, "Maven"));

        assertThat(failed.kind()).isEqualTo(FailureKind.TIMEOUT);
        assertThat(failed.reason()).contains("stalled after 10000 bytes");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(4));
        assertThat(mavenFolder().resolve("all.zip.part")).hasSize(10_000);
        assertThat(mavenFolder().resolve("all.zip.part.json")).exists();
    }

    @Test
    void download_slowButSteadyBodyPastRequestTimeout_failsWithTimeout() {
        byte[] dump = goVulnDump(300);
        mirror.route(MAVEN, (exchange, number) -> {
            exchange.sendResponseHeaders(200, dump.length);
            try {
                for (int offset = 0; offset < dump.length; offset += 1000) {
                    exchange.getResponseBody().write(dump, offset, Math.min(1000, dump.length - offset));
                    exchange.getResponseBody().flush();
                    Thread.sleep(100);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        OsvDownloadOptions options = options()
                .withTimeouts(Duration.ofMillis(500), Duration.ofMillis(1500), Duration.ofSeconds(1))
                .withRetries(0, Duration.ofMillis(10), Duration.ofMillis(10));

        Failed failed = (Failed) only(download(options, DownloadListener.NONE, "Maven"));

        assertThat(failed.kind()).isEqualTo(FailureKind.TIMEOUT);
        assertThat(failed.reason()).contains("longer than its timeout");
    }

    @Test
    void download_interrupted_stopsPromptlyAndSkipsTheRest() throws Exception {
        mirror.route(MAVEN, (exchange, number) -> mirror.stallUntilClosed());
        OsvDownloadOptions options =
                options().withTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(30), Duration.ofSeconds(5));
        AtomicReference<DownloadRun> result = new AtomicReference<>();
        Thread worker = new Thread(() -> result.set(download(options, DownloadListener.NONE, "Maven", "npm")));
        worker.start();
        while (mirror.requests(MAVEN).isEmpty()) {
            Thread.sleep(10);
        }
        long start = System.nanoTime();

        worker.interrupt();
        worker.join(3000);

        assertThat(worker.isAlive()).isFalse();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
        assertThat(result.get().failed())
                .extracting(Failed::kind)
                .containsExactly(FailureKind.INTERRUPTED, FailureKind.INTERRUPTED);
        assertThat(mirror.requests("/npm/all.zip")).isEmpty();
    }

    @Test
    void download_ecosystemMissingOnMirror_isNotAvailableAndOthersContinue() throws IOException {
        byte[] npm = TestDumps.inline("npm", "GHSA-0003");
        mirror.route("/npm/all.zip", new Dump(npm, ETAG));

        DownloadRun run = download("NoSuchEcosystem", "npm");

        assertThat(run.ecosystems().get(0))
                .isEqualTo(
                        new NotAvailable("NoSuchEcosystem", URI.create(mirror.baseUrl() + "/NoSuchEcosystem/all.zip")));
        assertThat(run.ecosystems().get(1)).isInstanceOf(Updated.class);
        assertThat(run.notAvailable()).hasSize(1);
        assertThat(run.updated()).hasSize(1);
        assertThat(run.anyFailed()).isFalse();
        assertThat(mirror.requests("/NoSuchEcosystem/all.zip")).hasSize(1);
    }

    @Test
    void download_serverErrorThenSuccess_retriesAndSucceeds() throws IOException {
        byte[] dump = TestDumps.inline("Maven", "GHSA-0001");
        Dump served = new Dump(dump, ETAG);
        mirror.route(MAVEN, (exchange, number) -> {
            if (number == 1) {
                exchange.sendResponseHeaders(500, -1);
            } else {
                served.respond(exchange, number);
            }
        });
        RecordingListener listener = new RecordingListener();

        Updated updated = (Updated) only(download(options(), listener, "Maven"));

        assertThat(Files.readAllBytes(updated.file())).isEqualTo(dump);
        assertThat(mirror.requests(MAVEN)).hasSize(2);
        assertThat(listener.events).contains("retrying Maven 1 PT0.01S the mirror 127.0.0.1 answered 500");
    }

    @Test
    void download_persistentServerError_failsAfterBoundedRetriesWhileOtherEcosystemSucceeds() {
        mirror.route(MAVEN, FakeOsvMirror.status(503, "Retry-After", "0"));
        mirror.route("/PyPI/all.zip", new Dump(TestDumps.inline("PyPI", "PYSEC-1"), ETAG));

        DownloadRun run = download("Maven", "PyPI");

        Failed failed = (Failed) run.ecosystems().get(0);
        assertThat(failed.kind()).isEqualTo(FailureKind.SERVER_ERROR);
        assertThat(failed.reason()).contains("503").contains("after 3 attempts");
        assertThat(mirror.requests(MAVEN)).hasSize(3);
        assertThat(run.ecosystems().get(1)).isInstanceOf(Updated.class);
        assertThat(run.anyFailed()).isTrue();
    }

    @Test
    void download_accessDenied_failsTypedWithoutRetry() {
        mirror.route(MAVEN, FakeOsvMirror.status(403));
        mirror.route("/npm/all.zip", FakeOsvMirror.status(401));

        DownloadRun run = download("Maven", "npm");

        assertThat(run.failed())
                .extracting(Failed::kind)
                .containsExactly(FailureKind.ACCESS_DENIED, FailureKind.ACCESS_DENIED);
        assertThat(mirror.requests()).hasSize(2);
    }

    @Test
    void download_unreachableMirror_failsAsNetworkAfterRetries() throws IOException {
        URI closedPort;
        try (FakeOsvMirror other = FakeOsvMirror.start()) {
            closedPort = other.baseUrl();
        }

        Failed failed = (Failed) only(download(options().withBaseUrl(closedPort), DownloadListener.NONE, "Maven"));

        assertThat(failed.kind()).isEqualTo(FailureKind.NETWORK);
        assertThat(failed.reason()).contains("cannot reach 127.0.0.1");
    }

    @Test
    void download_redirectToNonLoopbackHttp_isRefusedWithoutFollowing() {
        mirror.route(MAVEN, FakeOsvMirror.status(302, "Location", "http://203.0.113.7/Maven/all.zip"));

        Failed failed = (Failed) only(download("Maven"));

        assertThat(failed.kind()).isEqualTo(FailureKind.REFUSED_REDIRECT);
        assertThat(failed.reason()).contains("203.0.113.7");
        assertThat(mirror.requests(MAVEN)).hasSize(1);
    }

    @Test
    void download_redirectWithinLoopback_isFollowedWithTheSameConditions() throws IOException {
        byte[] dump = TestDumps.inline("Maven", "GHSA-0001");
        mirror.route(MAVEN, FakeOsvMirror.status(307, "Location", "/objects/maven.zip"));
        mirror.route("/objects/maven.zip", new Dump(dump, ETAG));

        Updated updated = (Updated) only(download("Maven"));
        EcosystemDownload second = only(download("Maven"));

        assertThat(Files.readAllBytes(updated.file())).isEqualTo(dump);
        assertThat(second).isInstanceOf(Unchanged.class);
        assertThat(mirror.requests("/objects/maven.zip").get(1).header("If-None-Match"))
                .isEqualTo(ETAG);
    }

    @Test
    void download_redirectLoop_stopsAfterFiveRedirects() {
        mirror.route(MAVEN, FakeOsvMirror.status(302, "Location", MAVEN));

        Failed failed = (Failed) only(download("Maven"));

        assertThat(failed.kind()).isEqualTo(FailureKind.REFUSED_REDIRECT);
        assertThat(mirror.requests(MAVEN)).hasSize(6);
    }

    @Test
    void download_ecosystemNamesWithSpacesAndDots_areEncodedInPathAndCacheFolder() throws IOException {
        mirror.route("/Rocky%20Linux/all.zip", new Dump(TestDumps.inline("Rocky Linux", "RLSA-1"), ETAG));
        mirror.route("/crates.io/all.zip", new Dump(TestDumps.inline("crates.io", "RUSTSEC-1"), ETAG));
        mirror.route("/Debian%3A12/all.zip", new Dump(TestDumps.inline("Debian:12", "DSA-1"), ETAG));

        DownloadRun run = download("Rocky Linux", "crates.io", "Debian:12");

        assertThat(run.updated())
                .extracting(Updated::file)
                .containsExactly(
                        cache.resolve("osv/Rocky%20Linux/all.zip"),
                        cache.resolve("osv/crates.io/all.zip"),
                        cache.resolve("osv/Debian%3A12/all.zip"));
    }

    @Test
    void download_invalidEcosystemName_isRejectedBeforeAnyRequest() {
        assertThatThrownBy(() -> download("Maven", "../etc")).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> download("..")).isInstanceOf(InvalidInputException.class);
        assertThat(mirror.requests()).isEmpty();
    }

    @Test
    void download_cacheLockedByAnotherRun_isRefused() throws IOException {
        Files.createDirectories(cache);
        try (FileChannel channel = FileChannel.open(
                        cache.resolve("update.lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                var lock = channel.lock()) {
            assertThatThrownBy(() -> download("Maven"))
                    .isInstanceOf(NoVerdictException.class)
                    .hasMessageContaining("another advisory database update");
        }
        assertThat(mirror.requests()).isEmpty();
    }

    @Test
    void download_metadataFromAnotherMirror_isNotSentAsValidators() throws IOException {
        byte[] dump = TestDumps.inline("Maven", "GHSA-0001");
        mirror.route(MAVEN, new Dump(dump, ETAG));
        mirror.route("/mirror2/Maven/all.zip", new Dump(dump, ETAG));
        download("Maven");

        EcosystemDownload second = only(download(
                options().withBaseUrl(URI.create(mirror.baseUrl() + "/mirror2/")), DownloadListener.NONE, "Maven"));

        assertThat(mirror.requests("/mirror2/Maven/all.zip").getFirst().header("If-None-Match"))
                .isNull();
        assertThat(second).as("same bytes from the other mirror").isInstanceOf(Unchanged.class);
    }

    @Test
    void download_damagedMetadata_fallsBackToUnconditionalDownload() throws IOException {
        byte[] dump = TestDumps.inline("Maven", "GHSA-0001");
        mirror.route(MAVEN, new Dump(dump, ETAG));
        download("Maven");
        Files.writeString(mavenFolder().resolve("all.zip.json"), "{not json");

        EcosystemDownload second = only(download("Maven"));

        assertThat(second).isInstanceOf(Updated.class);
        assertThat(mirror.requests(MAVEN).get(1).header("If-None-Match")).isNull();
    }

    @Test
    void constructor_plainHttpToRemoteHost_isRefusedUnlessInsecureAllowed() {
        OsvDownloadOptions remote = options().withBaseUrl(URI.create("http://mirror.example.org/osv"));

        assertThatThrownBy(() -> new OsvDownloader(remote))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("plain HTTP");
        try (OsvDownloader allowed = new OsvDownloader(remote.withAllowInsecure(true))) {
            assertThat(allowed.uri("crates.io")).hasToString("http://mirror.example.org/osv/crates.io/all.zip");
        }
    }

    @Test
    void constructor_unsupportedOrUnsafeBaseUrl_isRefused() {
        for (String url :
                List.of("ftp://127.0.0.1/osv", "file:///tmp/osv", "https://user:secret@mirror.example.org/")) {
            assertThatThrownBy(() -> new OsvDownloader(options().withBaseUrl(URI.create(url))))
                    .as(url)
                    .isInstanceOf(InvalidInputException.class);
        }
    }

    @Test
    void uri_defaultBaseUrl_pointsAtTheOsvBucket() {
        try (OsvDownloader downloader = new OsvDownloader(OsvDownloadOptions.defaults(cache))) {
            assertThat(downloader.uri("PyPI"))
                    .hasToString("https://osv-vulnerabilities.storage.googleapis.com/PyPI/all.zip");
            assertThat(downloader.cachedZip("PyPI")).isEqualTo(cache.resolve("osv/PyPI/all.zip"));
        }
    }

    private static String googHash(byte[] content) {
        return "crc32c=" + crc32cBase64(content) + ",md5=" + md5Base64(content);
    }

    private static String crc32cBase64(byte[] content) {
        CRC32C crc = new CRC32C();
        crc.update(content);
        long value = crc.getValue();
        return Base64.getEncoder()
                .encodeToString(
                        new byte[] {(byte) (value >>> 24), (byte) (value >>> 16), (byte) (value >>> 8), (byte) value});
    }

    private static String md5Base64(byte[] content) {
        try {
            return Base64.getEncoder()
                    .encodeToString(MessageDigest.getInstance("MD5").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Records listener calls as short strings. */
    private static final class RecordingListener implements DownloadListener {
        final List<String> events = new CopyOnWriteArrayList<>();

        @Override
        public void started(String ecosystem, URI uri) {
            events.add("started " + ecosystem + " " + uri);
        }

        @Override
        public void progress(String ecosystem, long bytes, long totalBytes) {
            events.add("progress " + ecosystem + " " + bytes + "/" + totalBytes);
        }

        @Override
        public void retrying(String ecosystem, int retry, Duration delay, String reason) {
            events.add("retrying " + ecosystem + " " + retry + " " + delay + " " + reason);
        }

        @Override
        public void finished(EcosystemDownload result) {
            events.add("finished " + result.getClass().getSimpleName() + " " + result.ecosystem());
        }
    }
}
