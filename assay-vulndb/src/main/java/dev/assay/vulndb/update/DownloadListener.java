package dev.assay.vulndb.update;

import java.net.URI;
import java.time.Duration;

/**
 * Observes a download run, so the CLI can draw progress on stderr; the downloader itself never prints.
 * Called on the downloading thread, so implementations should be quick. All methods default to nothing.
 */
public interface DownloadListener {
    /** Listens to nothing. */
    DownloadListener NONE = new DownloadListener() {};

    /** An ecosystem's download begins (before its first request). */
    default void started(String ecosystem, URI uri) {}

    /**
     * Bytes of the ecosystem's file on disk so far, including a resumed prefix.
     *
     * @param totalBytes the complete size when the server said it, otherwise -1
     */
    default void progress(String ecosystem, long bytes, long totalBytes) {}

    /**
     * An attempt failed in a way worth retrying; the next one starts after {@code delay}.
     *
     * @param retry 1 for the first retry
     */
    default void retrying(String ecosystem, int retry, Duration delay, String reason) {}

    /** The ecosystem is done, with the same value that the run will report for it. */
    default void finished(EcosystemDownload result) {}
}
