package dev.assay.vulndb.update;

import dev.assay.model.InvalidInputException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * How an {@link OsvDownloader} fetches: where from, into which cache, and the bounds that keep a hostile
 * or broken mirror from filling the disk or hanging the update.
 *
 * @param baseUrl the mirror; a dump is read from {@code <baseUrl>/<Ecosystem>/all.zip}
 * @param cacheDirectory where completed dumps, partial downloads and their metadata are kept
 * @param allowInsecure permit plain HTTP to non-loopback hosts (base URL and redirects); loopback HTTP is
 *     always allowed
 * @param connectTimeout bound on establishing one connection
 * @param requestTimeout bound on one whole attempt, from sending the request to the last body byte
 * @param stallTimeout bound on silence: waiting for the response headers after connecting, and any gap
 *     between body bytes
 * @param maxDownloadBytes largest dump accepted, declared or streamed
 * @param maxRetries retries after a network error, a timeout, 408, 429 or 5xx, per ecosystem
 * @param initialBackoff the first retry's delay, doubled for each further retry
 * @param maxBackoff cap on a retry delay, also on one the server asks for with {@code Retry-After}
 * @param userAgent sent with every request
 * @param clock for the times written into the cache metadata
 */
public record OsvDownloadOptions(
        URI baseUrl,
        Path cacheDirectory,
        boolean allowInsecure,
        Duration connectTimeout,
        Duration requestTimeout,
        Duration stallTimeout,
        long maxDownloadBytes,
        int maxRetries,
        Duration initialBackoff,
        Duration maxBackoff,
        String userAgent,
        Clock clock) {

    /** The public OSV bucket on Google Cloud Storage. */
    public static final URI DEFAULT_BASE_URL = URI.create("https://osv-vulnerabilities.storage.googleapis.com");

    /** 4 GiB: the largest OSV dump (Debian) is a few hundred MB. */
    public static final long DEFAULT_MAX_DOWNLOAD_BYTES = 4L * 1024 * 1024 * 1024;

    public OsvDownloadOptions {
        Objects.requireNonNull(baseUrl, "baseUrl");
        Objects.requireNonNull(cacheDirectory, "cacheDirectory");
        Objects.requireNonNull(userAgent, "userAgent");
        Objects.requireNonNull(clock, "clock");
        requirePositive(connectTimeout, "connect timeout");
        requirePositive(requestTimeout, "request timeout");
        requirePositive(stallTimeout, "stall timeout");
        requirePositive(initialBackoff, "initial backoff");
        requirePositive(maxBackoff, "maximum backoff");
        if (maxDownloadBytes <= 0) {
            throw new InvalidInputException(
                    "the download size limit must be positive, not " + maxDownloadBytes,
                    Long.toString(maxDownloadBytes));
        }
        if (maxRetries < 0) {
            throw new InvalidInputException(
                    "the retry count must not be negative, not " + maxRetries, Integer.toString(maxRetries));
        }
    }

    /** Secure, patient defaults for the public OSV bucket. */
    public static OsvDownloadOptions defaults(Path cacheDirectory) {
        return new OsvDownloadOptions(
                DEFAULT_BASE_URL,
                cacheDirectory,
                false,
                Duration.ofSeconds(15),
                Duration.ofHours(1),
                Duration.ofSeconds(60),
                DEFAULT_MAX_DOWNLOAD_BYTES,
                4,
                Duration.ofSeconds(1),
                Duration.ofSeconds(30),
                "assay-vulndb",
                Clock.systemUTC());
    }

    public OsvDownloadOptions withBaseUrl(URI value) {
        return new OsvDownloadOptions(
                value,
                cacheDirectory,
                allowInsecure,
                connectTimeout,
                requestTimeout,
                stallTimeout,
                maxDownloadBytes,
                maxRetries,
                initialBackoff,
                maxBackoff,
                userAgent,
                clock);
    }

    public OsvDownloadOptions withAllowInsecure(boolean value) {
        return new OsvDownloadOptions(
                baseUrl,
                cacheDirectory,
                value,
                connectTimeout,
                requestTimeout,
                stallTimeout,
                maxDownloadBytes,
                maxRetries,
                initialBackoff,
                maxBackoff,
                userAgent,
                clock);
    }

    public OsvDownloadOptions withTimeouts(Duration connect, Duration request, Duration stall) {
        return new OsvDownloadOptions(
                baseUrl,
                cacheDirectory,
                allowInsecure,
                connect,
                request,
                stall,
                maxDownloadBytes,
                maxRetries,
                initialBackoff,
                maxBackoff,
                userAgent,
                clock);
    }

    public OsvDownloadOptions withMaxDownloadBytes(long value) {
        return new OsvDownloadOptions(
                baseUrl,
                cacheDirectory,
                allowInsecure,
                connectTimeout,
                requestTimeout,
                stallTimeout,
                value,
                maxRetries,
                initialBackoff,
                maxBackoff,
                userAgent,
                clock);
    }

    public OsvDownloadOptions withRetries(int retries, Duration initial, Duration max) {
        return new OsvDownloadOptions(
                baseUrl,
                cacheDirectory,
                allowInsecure,
                connectTimeout,
                requestTimeout,
                stallTimeout,
                maxDownloadBytes,
                retries,
                initial,
                max,
                userAgent,
                clock);
    }

    public OsvDownloadOptions withUserAgent(String value) {
        return new OsvDownloadOptions(
                baseUrl,
                cacheDirectory,
                allowInsecure,
                connectTimeout,
                requestTimeout,
                stallTimeout,
                maxDownloadBytes,
                maxRetries,
                initialBackoff,
                maxBackoff,
                value,
                clock);
    }

    public OsvDownloadOptions withClock(Clock value) {
        return new OsvDownloadOptions(
                baseUrl,
                cacheDirectory,
                allowInsecure,
                connectTimeout,
                requestTimeout,
                stallTimeout,
                maxDownloadBytes,
                maxRetries,
                initialBackoff,
                maxBackoff,
                userAgent,
                value);
    }

    private static void requirePositive(Duration duration, String what) {
        Objects.requireNonNull(duration, what);
        if (duration.isNegative() || duration.isZero()) {
            throw new InvalidInputException("the " + what + " must be positive, not " + duration, duration.toString());
        }
    }
}
