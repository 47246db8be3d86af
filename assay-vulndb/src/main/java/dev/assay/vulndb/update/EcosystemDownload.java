package dev.assay.vulndb.update;

import java.net.URI;
import java.nio.file.Path;
import java.util.Objects;

/**
 * What happened to one ecosystem's dump in a download run. Only {@link Updated} calls for an import; an
 * {@link Unchanged} dump was imported before (the caller may still re-import it if its store lost it).
 */
public sealed interface EcosystemDownload {
    /** The OSV ecosystem name as the caller passed it. */
    String ecosystem();

    /**
     * A new dump was downloaded, verified and moved into place.
     *
     * @param file the completed zip, ready for the importer
     * @param sha256 lower-case hex SHA-256 of {@code file}
     * @param bytes size of {@code file}
     */
    record Updated(String ecosystem, Path file, String sha256, long bytes) implements EcosystemDownload {
        public Updated {
            Objects.requireNonNull(ecosystem, "ecosystem");
            Objects.requireNonNull(file, "file");
            Objects.requireNonNull(sha256, "sha256");
        }
    }

    /**
     * The remote dump is the one already in the cache: the server answered 304 to the conditional request,
     * or sent a body whose SHA-256 equals the cached file's.
     *
     * @param file the cached zip, left untouched
     * @param sha256 the SHA-256 recorded when {@code file} was downloaded
     * @param bytes size of {@code file}
     */
    record Unchanged(String ecosystem, Path file, String sha256, long bytes) implements EcosystemDownload {
        public Unchanged {
            Objects.requireNonNull(ecosystem, "ecosystem");
            Objects.requireNonNull(file, "file");
            Objects.requireNonNull(sha256, "sha256");
        }
    }

    /**
     * The mirror has no dump for this ecosystem (404 or 410): typically a name OSV does not publish, or a
     * mirror that carries only some ecosystems. Any cached file for it is left as it was.
     */
    record NotAvailable(String ecosystem, URI uri) implements EcosystemDownload {
        public NotAvailable {
            Objects.requireNonNull(ecosystem, "ecosystem");
            Objects.requireNonNull(uri, "uri");
        }
    }

    /**
     * The dump could not be downloaded or did not verify. The previously completed file, if any, is
     * untouched; a partial download that can still be resumed is kept for the next run.
     *
     * @param reason one line saying what failed, for the user
     */
    record Failed(String ecosystem, FailureKind kind, String reason) implements EcosystemDownload {
        public Failed {
            Objects.requireNonNull(ecosystem, "ecosystem");
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(reason, "reason");
        }
    }

    /** Why a download failed, so the caller can word the message and choose the exit code. */
    enum FailureKind {
        /** 401 or 403: the mirror wants credentials or refuses this client. Not retried. */
        ACCESS_DENIED,
        /** Connection refused or reset, DNS failure, or the body ended early, after the bounded retries. */
        NETWORK,
        /** No byte for the stall timeout, or the attempt exceeded the request timeout, after the retries. */
        TIMEOUT,
        /** 5xx, 408 or 429 after the bounded retries. */
        SERVER_ERROR,
        /** The declared or streamed size exceeds the configured limit. Not retried. */
        TOO_LARGE,
        /** The file's MD5 or CRC32C differs from the server's {@code x-goog-hash}. Not retried. */
        INTEGRITY,
        /** The completed file is not a structurally complete zip (truncated, wrong content). Not retried. */
        CORRUPT_ARCHIVE,
        /** A redirect to plain HTTP on a non-loopback host, or more than five redirects. Not retried. */
        REFUSED_REDIRECT,
        /** An answer this client cannot use: unexpected status, inconsistent range, malformed header. */
        PROTOCOL,
        /** Reading or writing the cache failed (disk full, permissions). Not retried. */
        LOCAL_IO,
        /** The thread was interrupted; the rest of the run was not attempted either. */
        INTERRUPTED
    }
}
