package dev.assay.vulndb.update;

import dev.assay.model.InvalidInputException;
import dev.assay.vulndb.update.EcosystemCache.Completed;
import dev.assay.vulndb.update.EcosystemCache.Partial;
import dev.assay.vulndb.update.EcosystemDownload.FailureKind;
import java.io.IOException;
import java.io.InputStream;
import java.net.ProxySelector;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Downloads OSV's per-ecosystem dumps ({@code <base>/<Ecosystem>/all.zip}) into a cache directory so that
 * the importer can read them (see {@link EcosystemCache} for the layout, under {@code <cache>/osv/}).
 *
 * <p>Each ecosystem is fetched on its own and ends in one {@link EcosystemDownload}; a failure of one does
 * not stop the others. What makes it robust:
 *
 * <ul>
 *   <li><b>Incremental.</b> The validators of the last completed dump are sent back ({@code If-None-Match},
 *       {@code If-Modified-Since}); 304 means {@link EcosystemDownload.Unchanged}. A body identical to the
 *       cached file (same SHA-256) is reported unchanged too.
 *   <li><b>Resumable.</b> Bytes go to {@code all.zip.part}. A later attempt, in this run or the next, asks
 *       for the rest with {@code Range} and {@code If-Range} (strong ETag or Last-Modified of the response
 *       that began the part), so a dump that changed meanwhile comes back whole (200) and restarts the
 *       file. 416 for a part that is already complete finishes it.
 *   <li><b>Verified before it replaces anything.</b> The complete part is checked against the server's
 *       {@code x-goog-hash} (MD5 and CRC32C, as Google Cloud Storage sends them) and must open as a zip
 *       with a readable central directory; only then is it renamed over {@code all.zip} in one atomic
 *       step. A failed check deletes the part and leaves the previous dump untouched.
 *   <li><b>Bounded.</b> A size limit on the declared and the streamed length; a connect timeout, a stall
 *       timeout (waiting for headers, and any silence within the body) and a timeout per attempt; a fixed
 *       number of retries with exponential backoff for network errors, timeouts, 408, 429 and 5xx.
 *   <li><b>Careful about where it goes.</b> Only http and https; plain http only to loopback unless
 *       insecure mirrors are allowed; at most five redirects, to https (or, from loopback, to loopback
 *       http). Redirects are followed by hand so that each target is checked before it is contacted.
 * </ul>
 *
 * <p>One run holds a lock file in the cache directory, so two updates never write the same part. The
 * downloader never prints; progress goes to the {@link DownloadListener}, diagnostics to slf4j at debug.
 */
public final class OsvDownloader implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(OsvDownloader.class);
    private static final int MAX_REDIRECTS = 5;
    private static final int BUFFER_BYTES = 64 * 1024;
    private static final Pattern CONTENT_RANGE =
            Pattern.compile("bytes\\s+(?:(\\d{1,19})-(\\d{1,19})|\\*)/(\\d{1,19}|\\*)", Pattern.CASE_INSENSITIVE);

    private final OsvDownloadOptions options;
    private final URI base;
    private final HttpClient http;
    private final ScheduledExecutorService watchdog;

    /**
     * @throws InvalidInputException when the base URL is not http(s), carries credentials, or is plain
     *     http to a non-loopback host without {@link OsvDownloadOptions#allowInsecure()}
     */
    public OsvDownloader(OsvDownloadOptions options) {
        this.options = options;
        this.base = UrlPolicy.requireAllowedBase(options.baseUrl(), options.allowInsecure());
        this.http = HttpClient.newBuilder()
                .connectTimeout(options.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .version(HttpClient.Version.HTTP_1_1)
                .proxy(ProxySelector.getDefault())
                .build();
        this.watchdog = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "assay-osv-download-watchdog");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** The URL an ecosystem's dump is fetched from. */
    public URI uri(String ecosystem) {
        return URI.create(base + "/" + OsvEcosystems.pathSegment(ecosystem) + "/" + EcosystemCache.ZIP);
    }

    /** Where the ecosystem's completed dump is kept (it may not exist yet). */
    public Path cachedZip(String ecosystem) {
        return new EcosystemCache(options.cacheDirectory(), ecosystem).zip();
    }

    /**
     * Brings the cached dumps of these ecosystems up to date, one after the other, in the given order.
     *
     * @param ecosystems OSV ecosystem names, e.g. {@link OsvEcosystems#DEFAULT} or {@link
     *     OsvEcosystems#withDefaults}; duplicates are fetched once
     * @throws InvalidInputException when a name cannot be an ecosystem or the cache cannot be created
     * @throws dev.assay.model.NoVerdictException when another update holds the cache
     */
    public DownloadRun download(List<String> ecosystems, DownloadListener listener) {
        List<String> names = OsvEcosystems.validated(ecosystems);
        Instant startedAt = options.clock().instant();
        long start = System.nanoTime();
        Path cacheDirectory = options.cacheDirectory();
        try {
            Files.createDirectories(cacheDirectory);
        } catch (IOException e) {
            throw new InvalidInputException(
                    "cannot create the download cache " + cacheDirectory + ": " + e.getMessage(),
                    cacheDirectory.toString(),
                    e);
        }
        List<EcosystemDownload> results = new ArrayList<>(names.size());
        try (CacheLock lock = CacheLock.acquire(cacheDirectory)) {
            boolean interrupted = false;
            for (String ecosystem : names) {
                EcosystemDownload result = interrupted
                        ? new EcosystemDownload.Failed(
                                ecosystem, FailureKind.INTERRUPTED, "not attempted: the update was interrupted")
                        : downloadOne(ecosystem, listener);
                interrupted =
                        result instanceof EcosystemDownload.Failed failed && failed.kind() == FailureKind.INTERRUPTED;
                listener.finished(result);
                results.add(result);
            }
        } catch (IOException e) {
            throw new InvalidInputException(
                    "cannot lock the download cache " + cacheDirectory + ": " + e.getMessage(),
                    cacheDirectory.toString(),
                    e);
        }
        return new DownloadRun(startedAt, Duration.ofNanos(System.nanoTime() - start), results);
    }

    @Override
    public void close() {
        watchdog.shutdownNow();
        http.close();
    }

    private EcosystemDownload downloadOne(String ecosystem, DownloadListener listener) {
        URI uri = uri(ecosystem);
        EcosystemCache cache = new EcosystemCache(options.cacheDirectory(), ecosystem);
        listener.started(ecosystem, uri);
        int retry = 0;
        try {
            Files.createDirectories(cache.folder());
            while (true) {
                try {
                    return attempt(ecosystem, uri, cache, listener);
                } catch (AttemptFailure failure) {
                    LOG.debug("{}: attempt {} failed: {}", ecosystem, retry + 1, failure.getMessage());
                    if (Thread.currentThread().isInterrupted()) {
                        // A blocked read reports an interrupt as an I/O error; it is a cancellation.
                        throw new InterruptedException(failure.getMessage());
                    }
                    if (!failure.isRetryable() || retry >= options.maxRetries()) {
                        String attempts = retry > 0 ? " (after " + (retry + 1) + " attempts)" : "";
                        return new EcosystemDownload.Failed(ecosystem, failure.kind(), failure.getMessage() + attempts);
                    }
                    retry++;
                    Duration backoff = backoff(retry);
                    Duration delay = failure.retryAfter()
                            .map(asked -> asked.compareTo(options.maxBackoff()) > 0 ? options.maxBackoff() : asked)
                            .orElse(backoff);
                    listener.retrying(ecosystem, retry, delay, failure.getMessage());
                    Thread.sleep(delay);
                }
            }
        } catch (IOException e) {
            return new EcosystemDownload.Failed(
                    ecosystem,
                    FailureKind.LOCAL_IO,
                    "cannot write the download cache " + cache.folder() + ": " + describe(e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new EcosystemDownload.Failed(ecosystem, FailureKind.INTERRUPTED, "interrupted");
        }
    }

    private Duration backoff(int retry) {
        Duration delay = options.initialBackoff();
        for (int step = 1; step < retry && delay.compareTo(options.maxBackoff()) < 0; step++) {
            delay = delay.multipliedBy(2);
        }
        return delay.compareTo(options.maxBackoff()) > 0 ? options.maxBackoff() : delay;
    }

    /** One request and, for 200 or 206, the body and its verification. */
    private EcosystemDownload attempt(String ecosystem, URI uri, EcosystemCache cache, DownloadListener listener)
            throws AttemptFailure, IOException, InterruptedException {
        String url = uri.toString();
        long deadline = System.nanoTime() + options.requestTimeout().toNanos();
        Optional<Completed> completed = cache.completed();
        Optional<Partial> partial = cache.partial(url);
        if (partial.isEmpty()) {
            // A part without usable validators (or from another URL) cannot be resumed safely.
            cache.deletePartial();
        }
        Map<String, String> conditions = new LinkedHashMap<>();
        if (partial.isPresent()) {
            conditions.put("Range", "bytes=" + partial.get().bytesOnDisk() + "-");
            conditions.put("If-Range", partial.get().ifRangeValidator());
        } else if (completed.isPresent() && completed.get().url().equals(url)) {
            // Validators of another mirror say nothing about this one.
            if (completed.get().etag() != null) {
                conditions.put("If-None-Match", completed.get().etag());
            }
            if (completed.get().lastModified() != null) {
                conditions.put("If-Modified-Since", completed.get().lastModified());
            }
        }
        HttpResponse<InputStream> response = send(uri, conditions, deadline);
        InputStream body = response.body();
        try {
            int status = response.statusCode();
            if (status == 200) {
                return receiveWhole(ecosystem, url, cache, response, body, completed, deadline, listener);
            }
            if (status == 206) {
                Partial resumed = partial.orElseThrow(() -> AttemptFailure.permanent(
                        FailureKind.PROTOCOL, "the mirror sent 206 Partial Content for a request without Range"));
                return receiveRest(ecosystem, url, cache, response, body, resumed, completed, deadline, listener);
            }
            if (status == 304) {
                if (!conditions.containsKey("If-None-Match") && !conditions.containsKey("If-Modified-Since")) {
                    throw AttemptFailure.permanent(
                            FailureKind.PROTOCOL, "the mirror sent 304 Not Modified for an unconditional request");
                }
                return unchanged(ecosystem, url, cache, completed.orElseThrow(), response.headers());
            }
            if (status == 416 && partial.isPresent()) {
                return rangeNotSatisfiable(ecosystem, url, cache, response, partial.get(), completed);
            }
            if (status == 404 || status == 410) {
                cache.deletePartial();
                return new EcosystemDownload.NotAvailable(ecosystem, uri);
            }
            if (status == 401 || status == 403) {
                throw AttemptFailure.permanent(
                        FailureKind.ACCESS_DENIED,
                        "the mirror " + uri.getHost() + " denied access (" + status + ") to " + uri);
            }
            if (status == 408 || status == 429 || (status >= 500 && status <= 599)) {
                String message = "the mirror " + uri.getHost() + " answered " + status;
                Optional<Duration> retryAfter = retryAfter(response.headers());
                throw retryAfter.isPresent()
                        ? AttemptFailure.retryableAfter(FailureKind.SERVER_ERROR, message, retryAfter.get())
                        : AttemptFailure.retryable(FailureKind.SERVER_ERROR, message, null);
            }
            throw AttemptFailure.permanent(
                    FailureKind.PROTOCOL, "the mirror answered with unexpected HTTP status " + status + " for " + uri);
        } finally {
            closeQuietly(body);
        }
    }

    /** 200: the whole dump, either the first download, a changed one, or a resume the server declined. */
    private EcosystemDownload receiveWhole(
            String ecosystem,
            String url,
            EcosystemCache cache,
            HttpResponse<InputStream> response,
            InputStream body,
            Optional<Completed> completed,
            long deadline,
            DownloadListener listener)
            throws AttemptFailure, IOException {
        HttpHeaders headers = response.headers();
        requireIdentityEncoding(headers);
        long declared = headers.firstValueAsLong("Content-Length").orElse(-1);
        if (declared > options.maxDownloadBytes()) {
            throw tooLarge(declared);
        }
        GoogHash hash = googHash(headers);
        Partial started = new Partial(
                url,
                headers.firstValue("ETag").orElse(null),
                headers.firstValue("Last-Modified").orElse(null),
                declared,
                hash.isEmpty() ? null : hash.headerValue(),
                0);
        cache.deletePartial();
        requireDiskSpace(cache, declared);
        if (started.ifRangeValidator() != null) {
            cache.writePartial(started);
        }
        stream(ecosystem, body, cache, 0, declared, deadline, listener);
        return verifyAndPromote(ecosystem, cache, started, hash, completed);
    }

    /** 206: the rest of a partial download whose validator still matches. */
    private EcosystemDownload receiveRest(
            String ecosystem,
            String url,
            EcosystemCache cache,
            HttpResponse<InputStream> response,
            InputStream body,
            Partial partial,
            Optional<Completed> completed,
            long deadline,
            DownloadListener listener)
            throws AttemptFailure, IOException {
        HttpHeaders headers = response.headers();
        requireIdentityEncoding(headers);
        String contentRange = headers.firstValue("Content-Range").orElse("");
        Matcher range = CONTENT_RANGE.matcher(contentRange.strip());
        if (!range.matches() || range.group(1) == null) {
            cache.deletePartial();
            throw AttemptFailure.retryable(
                    FailureKind.PROTOCOL,
                    "the mirror sent 206 with an unusable Content-Range '" + contentRange + "'",
                    null);
        }
        long first = Long.parseLong(range.group(1));
        long last = Long.parseLong(range.group(2));
        long total = range.group(3).equals("*") ? partial.totalBytes() : Long.parseLong(range.group(3));
        boolean inconsistent = first != partial.bytesOnDisk()
                || last < first
                || (total >= 0 && last >= total)
                || (total >= 0 && partial.totalBytes() >= 0 && total != partial.totalBytes());
        if (inconsistent) {
            // Starting over is always safe; appending a range that does not continue the part is not.
            cache.deletePartial();
            throw AttemptFailure.retryable(
                    FailureKind.PROTOCOL,
                    "the mirror sent a range (" + contentRange + ") that does not continue the " + partial.bytesOnDisk()
                            + " bytes already downloaded",
                    null);
        }
        if (total > options.maxDownloadBytes()) {
            cache.deletePartial();
            throw tooLarge(total);
        }
        GoogHash hash = googHash(headers);
        if (hash.isEmpty()) {
            hash = storedHash(partial);
        }
        requireDiskSpace(cache, total < 0 ? -1 : total - partial.bytesOnDisk());
        stream(ecosystem, body, cache, partial.bytesOnDisk(), total, deadline, listener);
        return verifyAndPromote(ecosystem, cache, partial, hash, completed);
    }

    /**
     * 416 to a resume: the If-Range validator matched (otherwise the server sends 200), so the dump is
     * the same and the part is either already complete or longer than the dump, which makes it garbage.
     */
    private EcosystemDownload rangeNotSatisfiable(
            String ecosystem,
            String url,
            EcosystemCache cache,
            HttpResponse<InputStream> response,
            Partial partial,
            Optional<Completed> completed)
            throws AttemptFailure, IOException {
        Matcher range = CONTENT_RANGE.matcher(
                response.headers().firstValue("Content-Range").orElse("").strip());
        long total =
                range.matches() && range.group(1) == null && !range.group(3).equals("*")
                        ? Long.parseLong(range.group(3))
                        : -1;
        if (total >= 0 && total == partial.bytesOnDisk()) {
            LOG.debug("{}: the partial download of {} is already complete", ecosystem, url);
            return verifyAndPromote(ecosystem, cache, partial, storedHash(partial), completed);
        }
        cache.deletePartial();
        throw AttemptFailure.retryable(
                FailureKind.PROTOCOL, "the mirror cannot continue the partial download (416); starting over", null);
    }

    private EcosystemDownload unchanged(
            String ecosystem, String url, EcosystemCache cache, Completed completed, HttpHeaders headers)
            throws IOException {
        Completed checked = completed.confirmed(
                url,
                headers.firstValue("ETag").orElse(completed.etag()),
                headers.firstValue("Last-Modified").orElse(completed.lastModified()),
                options.clock().instant());
        cache.writeCompleted(checked);
        return new EcosystemDownload.Unchanged(ecosystem, cache.zip(), completed.sha256(), completed.bytes());
    }

    /**
     * Copies the body into the part file, appending after {@code already} bytes (0 truncates the part).
     * Network failures are retryable and keep the part for resuming; disk failures are not caught here.
     */
    private void stream(
            String ecosystem,
            InputStream raw,
            EcosystemCache cache,
            long already,
            long total,
            long deadline,
            DownloadListener listener)
            throws AttemptFailure, IOException {
        long size = already;
        boolean overrun = false;
        StandardOpenOption mode = already == 0 ? StandardOpenOption.TRUNCATE_EXISTING : StandardOpenOption.APPEND;
        try (WatchedBody body = new WatchedBody(raw, options.stallTimeout(), deadline, watchdog);
                FileChannel channel =
                        FileChannel.open(cache.part(), StandardOpenOption.CREATE, StandardOpenOption.WRITE, mode)) {
            listener.progress(ecosystem, size, total);
            byte[] buffer = new byte[BUFFER_BYTES];
            while (true) {
                int read;
                try {
                    read = body.read(buffer);
                } catch (WatchedBody.StalledException e) {
                    throw AttemptFailure.retryable(
                            FailureKind.TIMEOUT, "download stalled after " + size + " bytes: " + e.getMessage(), e);
                } catch (IOException e) {
                    throw AttemptFailure.retryable(
                            FailureKind.NETWORK, "connection lost after " + size + " bytes: " + describe(e), e);
                }
                if (read < 0) {
                    break;
                }
                if (size + read > options.maxDownloadBytes() || (total >= 0 && size + read > total)) {
                    overrun = true;
                    break;
                }
                ByteBuffer chunk = ByteBuffer.wrap(buffer, 0, read);
                while (chunk.hasRemaining()) {
                    channel.write(chunk);
                }
                size += read;
                listener.progress(ecosystem, size, total);
            }
            channel.force(true);
        }
        if (overrun) {
            cache.deletePartial();
            if (total >= 0 && total <= options.maxDownloadBytes()) {
                throw AttemptFailure.permanent(
                        FailureKind.PROTOCOL, "the mirror sent more than the " + total + " bytes it announced");
            }
            throw tooLarge(-1);
        }
        if (total >= 0 && size != total) {
            throw AttemptFailure.retryable(
                    FailureKind.NETWORK, "the download ended after " + size + " of " + total + " bytes", null);
        }
    }

    /** Checks the complete part and moves it over the previous dump; on failure the previous dump stays. */
    private EcosystemDownload verifyAndPromote(
            String ecosystem, EcosystemCache cache, Partial source, GoogHash expected, Optional<Completed> previous)
            throws AttemptFailure, IOException {
        FileDigests digests = FileDigests.of(cache.part());
        Optional<String> mismatch = hashMismatch(expected, digests);
        if (mismatch.isPresent()) {
            cache.deletePartial();
            throw AttemptFailure.permanent(FailureKind.INTEGRITY, mismatch.get());
        }
        try {
            requireCompleteZip(cache.part());
        } catch (IOException e) {
            cache.deletePartial();
            throw AttemptFailure.permanent(
                    FailureKind.CORRUPT_ARCHIVE,
                    "the downloaded file (" + digests.bytes() + " bytes) is not a complete zip: " + describe(e));
        }
        Instant now = options.clock().instant();
        if (previous.isPresent() && previous.get().sha256().equals(digests.sha256Hex())) {
            // Same bytes under new validators (a re-upload): nothing to import again.
            cache.deletePartial();
            cache.writeCompleted(previous.get().confirmed(source.url(), source.etag(), source.lastModified(), now));
            return new EcosystemDownload.Unchanged(
                    ecosystem,
                    cache.zip(),
                    previous.get().sha256(),
                    previous.get().bytes());
        }
        cache.promotePartial(new Completed(
                source.url(), source.etag(), source.lastModified(), digests.bytes(), digests.sha256Hex(), now, now));
        LOG.debug("{}: downloaded {} bytes, sha256 {}", ecosystem, digests.bytes(), digests.sha256Hex());
        return new EcosystemDownload.Updated(ecosystem, cache.zip(), digests.sha256Hex(), digests.bytes());
    }

    /**
     * Fails early when the file system says the rest of the dump cannot fit, instead of filling the disk
     * and failing near the end. A file system that reports no usable space figure (0) is not trusted.
     */
    private static void requireDiskSpace(EcosystemCache cache, long needed) throws IOException {
        if (needed <= 0) {
            return;
        }
        long usable = Files.getFileStore(cache.folder()).getUsableSpace();
        if (usable > 0 && usable < needed) {
            throw new IOException("the dump needs " + needed + " bytes but only " + usable + " bytes are free");
        }
    }

    private static Optional<String> hashMismatch(GoogHash expected, FileDigests actual) {
        if (expected.md5().isPresent() && !expected.md5().get().equals(actual.md5Hex())) {
            return Optional.of("MD5 of the download (" + actual.md5Hex() + ") differs from the mirror's x-goog-hash ("
                    + expected.md5().get() + ")");
        }
        if (expected.crc32cValue().isPresent() && expected.crc32cValue().getAsLong() != actual.crc32c()) {
            return Optional.of(String.format(
                    Locale.ROOT,
                    "CRC32C of the download (%08x) differs from the mirror's x-goog-hash (%08x)",
                    actual.crc32c(),
                    expected.crc32cValue().getAsLong()));
        }
        return Optional.empty();
    }

    /**
     * Opens the file as a zip: the end record and the whole central directory must be present and
     * consistent, which a truncated or partly overwritten download is not. Entry data is checked by the
     * importer as it reads the entries.
     */
    private static void requireCompleteZip(Path file) throws IOException {
        try (ZipFile zip = new ZipFile(file.toFile())) {
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
                entries.nextElement();
            }
        }
    }

    /**
     * Sends a GET and follows redirects by hand, checking every target before it is contacted. The wait
     * for the response headers is bounded by the connect plus the stall timeout and by the deadline.
     */
    private HttpResponse<InputStream> send(URI start, Map<String, String> conditions, long deadline)
            throws AttemptFailure, InterruptedException {
        URI current = start;
        int redirects = 0;
        while (true) {
            long remaining = deadline - System.nanoTime();
            if (remaining <= 0) {
                throw AttemptFailure.retryable(FailureKind.TIMEOUT, "the request took longer than its timeout", null);
            }
            Duration headerWait = options.connectTimeout().plus(options.stallTimeout());
            if (headerWait.toNanos() > remaining) {
                headerWait = Duration.ofNanos(remaining);
            }
            HttpRequest.Builder request = HttpRequest.newBuilder(current)
                    .timeout(headerWait)
                    .header("User-Agent", options.userAgent())
                    // Ranges and hashes refer to the stored bytes; no transfer compression.
                    .header("Accept-Encoding", "identity")
                    .GET();
            conditions.forEach(request::header);
            HttpResponse<InputStream> response;
            try {
                response = http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
            } catch (HttpConnectTimeoutException e) {
                throw AttemptFailure.retryable(
                        FailureKind.TIMEOUT, "connecting to " + hostAndPort(current) + " timed out", e);
            } catch (HttpTimeoutException e) {
                throw AttemptFailure.retryable(
                        FailureKind.TIMEOUT,
                        "no response from " + hostAndPort(current) + " within " + headerWait.toMillis() + " ms",
                        e);
            } catch (IOException e) {
                throw AttemptFailure.retryable(
                        FailureKind.NETWORK, "cannot reach " + hostAndPort(current) + ": " + describe(e), e);
            }
            int status = response.statusCode();
            if (status != 301 && status != 302 && status != 303 && status != 307 && status != 308) {
                return response;
            }
            closeQuietly(response.body());
            URI next = redirectTarget(current, response.headers());
            if (++redirects > MAX_REDIRECTS) {
                throw AttemptFailure.permanent(
                        FailureKind.REFUSED_REDIRECT, "more than " + MAX_REDIRECTS + " redirects from " + start);
            }
            Optional<String> refusal = UrlPolicy.redirectRefusal(current, next, options.allowInsecure());
            if (refusal.isPresent()) {
                throw AttemptFailure.permanent(FailureKind.REFUSED_REDIRECT, "refusing " + refusal.get());
            }
            LOG.debug("following redirect {} -> {}", current, next);
            current = next;
        }
    }

    private static URI redirectTarget(URI current, HttpHeaders headers) throws AttemptFailure {
        String location = headers.firstValue("Location")
                .orElseThrow(() ->
                        AttemptFailure.permanent(FailureKind.PROTOCOL, "the mirror sent a redirect without Location"));
        try {
            return current.resolve(location.strip());
        } catch (IllegalArgumentException e) {
            throw AttemptFailure.permanent(FailureKind.PROTOCOL, "the mirror redirected to an invalid URL");
        }
    }

    private static void requireIdentityEncoding(HttpHeaders headers) throws AttemptFailure {
        Optional<String> encoding = headers.firstValue("Content-Encoding")
                .map(value -> value.strip().toLowerCase(Locale.ROOT))
                .filter(value -> !value.isEmpty() && !value.equals("identity"));
        if (encoding.isPresent()) {
            throw AttemptFailure.permanent(
                    FailureKind.PROTOCOL, "the mirror sent the dump with Content-Encoding " + encoding.get());
        }
    }

    private static GoogHash googHash(HttpHeaders headers) throws AttemptFailure {
        try {
            return GoogHash.parse(headers.allValues(GoogHash.HEADER));
        } catch (GoogHash.MalformedHashException e) {
            throw AttemptFailure.permanent(FailureKind.PROTOCOL, e.getMessage());
        }
    }

    private static GoogHash storedHash(Partial partial) throws AttemptFailure {
        if (partial.googHash() == null) {
            return new GoogHash(null, -1);
        }
        try {
            return GoogHash.parse(List.of(partial.googHash()));
        } catch (GoogHash.MalformedHashException e) {
            throw AttemptFailure.permanent(FailureKind.PROTOCOL, e.getMessage());
        }
    }

    /** {@code Retry-After} in seconds; the HTTP-date form is ignored (the backoff applies). */
    private static Optional<Duration> retryAfter(HttpHeaders headers) {
        return headers.firstValue("Retry-After")
                .map(String::strip)
                .filter(value -> value.matches("\\d{1,9}"))
                .map(value -> Duration.ofSeconds(Long.parseLong(value)));
    }

    private AttemptFailure tooLarge(long declared) {
        String limit = "the limit of " + options.maxDownloadBytes() + " bytes";
        return AttemptFailure.permanent(
                FailureKind.TOO_LARGE,
                declared >= 0 ? "the dump is " + declared + " bytes, above " + limit : "the dump exceeds " + limit);
    }

    private static String hostAndPort(URI uri) {
        return uri.getHost() + (uri.getPort() > 0 ? ":" + uri.getPort() : "");
    }

    private static String describe(Exception e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    private static void closeQuietly(InputStream body) {
        try {
            body.close();
        } catch (IOException e) {
            // the response is abandoned either way
        }
    }
}
