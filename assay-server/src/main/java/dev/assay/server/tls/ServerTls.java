package dev.assay.server.tls;

import dev.assay.model.InvalidInputException;
import dev.assay.server.metrics.Counter;
import dev.assay.server.metrics.Metrics;
import dev.assay.server.metrics.Sample;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server's TLS: credentials from PEM files, checked every {@code reloadInterval} and swapped in when
 * both files have changed into a valid pair. Polling rather than file-system events, because Kubernetes
 * updates a mounted Secret by swapping a symbolic link to a new directory, which watchers on the files
 * themselves do not see. A change that does not load (a half-written file, a key that does not match) is
 * logged once and retried; the previous certificate is served meanwhile.
 */
public final class ServerTls implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ServerTls.class);

    private final Path certificateFile;
    private final Path keyFile;
    private final Duration reloadInterval;
    private final ReloadingKeyManager keyManager;
    private final SSLContext sslContext;
    private final Object checkLock = new Object();
    private volatile ScheduledExecutorService scheduler;
    private volatile Counter reloads;
    private String lastFailedFingerprint = "";

    private ServerTls(Path certificateFile, Path keyFile, Duration reloadInterval, TlsCredentials initial) {
        this.certificateFile = certificateFile;
        this.keyFile = keyFile;
        this.reloadInterval = reloadInterval;
        this.keyManager = new ReloadingKeyManager(initial);
        try {
            this.sslContext = SSLContext.getInstance("TLS");
            sslContext.init(new KeyManager[] {keyManager}, null, null);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK offers no TLS context", e);
        }
    }

    /**
     * Reads the credentials now; call {@link #startReloading} once the server serves them.
     *
     * @throws InvalidInputException when the files are missing or do not hold a matching certificate and key
     */
    public static ServerTls fromPemFiles(Path certificateFile, Path keyFile, Duration reloadInterval) {
        Objects.requireNonNull(reloadInterval, "reloadInterval");
        if (reloadInterval.isNegative() || reloadInterval.isZero()) {
            throw new InvalidInputException("the TLS reload interval must be positive", reloadInterval.toString());
        }
        TlsCredentials initial = PemFiles.read(certificateFile, keyFile);
        warnAboutUnusable(initial);
        return new ServerTls(certificateFile, keyFile, reloadInterval, initial);
    }

    public SSLContext sslContext() {
        return sslContext;
    }

    /** The credentials new connections get. */
    public TlsCredentials current() {
        return keyManager.current();
    }

    /** Registers the TLS metrics and starts checking the files for changes. */
    public void startReloading(Metrics metrics) {
        reloads = metrics.counter(
                "assay_tls_reloads_total",
                "Changes of the certificate and key files, by whether they loaded (success) or not (failure).",
                "result");
        metrics.source(families -> families.gauge(
                "assay_tls_certificate_expiry_timestamp_seconds",
                "When the served certificate expires, in seconds since the epoch.",
                List.of(Sample.of(current().leaf().getNotAfter().toInstant().getEpochSecond()))));
        ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "assay-tls-reload");
            thread.setDaemon(true);
            return thread;
        });
        long millis = reloadInterval.toMillis();
        executor.scheduleWithFixedDelay(this::checkSafely, millis, millis, TimeUnit.MILLISECONDS);
        scheduler = executor;
    }

    private void checkSafely() {
        try {
            check();
        } catch (RuntimeException e) {
            // A scheduled task that throws is never run again; reloading must outlive any one failure.
            LOG.error("checking the TLS files failed", e);
        }
    }

    /** Loads the files if they changed; returns whether new credentials are now served. */
    public boolean check() {
        synchronized (checkLock) {
            byte[] certificateBytes;
            byte[] keyBytes;
            try {
                certificateBytes = PemFiles.readFile(certificateFile, "TLS certificate");
                keyBytes = PemFiles.readFile(keyFile, "TLS private key");
            } catch (InvalidInputException e) {
                failed(e.getMessage(), "unreadable:" + e.getMessage());
                return false;
            }
            String fingerprint = PemFiles.fingerprint(certificateBytes, keyBytes);
            if (fingerprint.equals(current().fingerprint())) {
                return false;
            }
            TlsCredentials loaded;
            try {
                loaded = PemFiles.parse(certificateBytes, certificateFile.toString(), keyBytes, keyFile.toString());
            } catch (InvalidInputException e) {
                failed(e.getMessage(), fingerprint);
                return false;
            }
            keyManager.update(loaded);
            lastFailedFingerprint = "";
            count("success");
            LOG.info("TLS certificate reloaded from {}: {}", certificateFile, loaded.describe());
            warnAboutUnusable(loaded);
            return true;
        }
    }

    private void failed(String why, String fingerprint) {
        // Once per distinct content: a half-written pair is retried every interval and must not flood the log.
        if (!fingerprint.equals(lastFailedFingerprint)) {
            lastFailedFingerprint = fingerprint;
            count("failure");
            LOG.warn(
                    "TLS files changed but cannot be loaded; still serving {}: {}",
                    current().describe(),
                    why);
        }
    }

    private void count(String result) {
        Counter counter = reloads;
        if (counter != null) {
            counter.inc(result);
        }
    }

    private static void warnAboutUnusable(TlsCredentials credentials) {
        X509Certificate leaf = credentials.leaf();
        Instant now = Instant.now();
        if (leaf.getNotAfter().toInstant().isBefore(now)) {
            LOG.warn(
                    "the TLS certificate expired at {}; the API server will refuse to call the webhook",
                    leaf.getNotAfter().toInstant());
        } else if (leaf.getNotBefore().toInstant().isAfter(now)) {
            LOG.warn(
                    "the TLS certificate is not valid before {}",
                    leaf.getNotBefore().toInstant());
        }
        try {
            if (leaf.getSubjectAlternativeNames() == null
                    || leaf.getSubjectAlternativeNames().isEmpty()) {
                LOG.warn("the TLS certificate has no subject alternative names; the API server checks the "
                        + "service's DNS name (assay.<namespace>.svc) against them, never against the common name");
            }
        } catch (java.security.cert.CertificateParsingException e) {
            LOG.warn("the TLS certificate's subject alternative names cannot be read: {}", e.getMessage());
        }
    }

    @Override
    public void close() {
        ScheduledExecutorService executor = scheduler;
        if (executor != null) {
            executor.shutdownNow();
        }
    }
}
