package dev.assay.vulndb.update;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.assay.model.AssayException;
import dev.assay.model.untrusted.BoundedInput;
import dev.assay.model.untrusted.SafeJson;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One ecosystem's folder in the download cache:
 *
 * <pre>
 * &lt;cache&gt;/osv/&lt;encoded ecosystem&gt;/all.zip            the last completed, verified dump
 * &lt;cache&gt;/osv/&lt;encoded ecosystem&gt;/all.zip.json       its metadata (validators, size, sha256, times)
 * &lt;cache&gt;/osv/&lt;encoded ecosystem&gt;/all.zip.part       a download in progress or interrupted
 * &lt;cache&gt;/osv/&lt;encoded ecosystem&gt;/all.zip.part.json  the validators the partial download must match
 * </pre>
 *
 * Metadata is our own file but may be damaged (a crash, a full disk); an unreadable one is treated as
 * absent, which costs at most one unconditional download.
 */
final class EcosystemCache {
    static final String OSV_FOLDER = "osv";
    static final String ZIP = "all.zip";
    private static final Logger LOG = LoggerFactory.getLogger(EcosystemCache.class);
    private static final long MAX_METADATA_BYTES = 64 * 1024;

    private final Path folder;

    EcosystemCache(Path cacheDirectory, String ecosystem) {
        this.folder = cacheDirectory.resolve(OSV_FOLDER).resolve(OsvEcosystems.cacheFolderName(ecosystem));
    }

    Path folder() {
        return folder;
    }

    Path zip() {
        return folder.resolve(ZIP);
    }

    Path metadata() {
        return folder.resolve(ZIP + ".json");
    }

    Path part() {
        return folder.resolve(ZIP + ".part");
    }

    Path partMetadata() {
        return folder.resolve(ZIP + ".part.json");
    }

    /**
     * What was recorded for the completed dump, if the dump is there and has the recorded size. Its
     * validators apply only to the URL it came from ({@link Completed#url()}); its SHA-256 applies anywhere.
     */
    Optional<Completed> completed() {
        Path zip = zip();
        if (!Files.isRegularFile(zip)) {
            return Optional.empty();
        }
        return read(metadata()).flatMap(json -> {
            Completed completed = new Completed(
                    text(json, "url"),
                    text(json, "etag"),
                    text(json, "lastModified"),
                    json.path("bytes").asLong(-1),
                    text(json, "sha256"),
                    instant(json, "downloadedAt"),
                    instant(json, "checkedAt"));
            try {
                if (completed.url() == null || completed.sha256() == null || completed.bytes() != Files.size(zip)) {
                    return Optional.empty();
                }
            } catch (IOException e) {
                return Optional.empty();
            }
            return Optional.of(completed);
        });
    }

    /** The partial download, if there is one that may be resumed against this URL. */
    Optional<Partial> partial(String url) throws IOException {
        Path part = part();
        if (!Files.isRegularFile(part)) {
            return Optional.empty();
        }
        long size = Files.size(part);
        Optional<Partial> partial = read(partMetadata())
                .map(json -> new Partial(
                        text(json, "url"),
                        text(json, "etag"),
                        text(json, "lastModified"),
                        json.path("totalBytes").asLong(-1),
                        text(json, "googHash"),
                        size))
                .filter(candidate -> url.equals(candidate.url()) && candidate.ifRangeValidator() != null);
        // An empty part has nothing to resume; one longer than the announced dump is not part of it.
        return partial.filter(candidate -> size > 0 && (candidate.totalBytes() < 0 || size <= candidate.totalBytes()));
    }

    void writeCompleted(Completed completed) throws IOException {
        ObjectNode json = SafeJson.mapper().createObjectNode();
        json.put("url", completed.url());
        json.put("etag", completed.etag());
        json.put("lastModified", completed.lastModified());
        json.put("bytes", completed.bytes());
        json.put("sha256", completed.sha256());
        json.put("downloadedAt", completed.downloadedAt().toString());
        json.put("checkedAt", completed.checkedAt().toString());
        writeAtomically(metadata(), json);
    }

    void writePartial(Partial partial) throws IOException {
        ObjectNode json = SafeJson.mapper().createObjectNode();
        json.put("url", partial.url());
        json.put("etag", partial.etag());
        json.put("lastModified", partial.lastModified());
        json.put("totalBytes", partial.totalBytes());
        json.put("googHash", partial.googHash());
        writeAtomically(partMetadata(), json);
    }

    void deletePartial() throws IOException {
        Files.deleteIfExists(partMetadata());
        Files.deleteIfExists(part());
    }

    /** Replaces the completed dump with the verified partial file in one rename, then its metadata. */
    void promotePartial(Completed completed) throws IOException {
        // The zip first: a crash between the two steps leaves metadata that no longer matches the zip's
        // size, or names the older validators, which costs a download, never a stale "unchanged".
        move(part(), zip());
        Files.deleteIfExists(partMetadata());
        writeCompleted(completed);
    }

    private void writeAtomically(Path target, JsonNode json) throws IOException {
        Path temporary = target.resolveSibling(target.getFileName() + ".tmp");
        Files.write(
                temporary, SafeJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsBytes(json));
        move(temporary, target);
    }

    private static void move(Path source, Path target) throws IOException {
        try {
            Files.move(source, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            // Same folder, so this happens only on file systems without atomic rename.
            Files.move(source, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static Optional<JsonNode> read(Path file) {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try (InputStream input = Files.newInputStream(file)) {
            JsonNode json =
                    SafeJson.read(BoundedInput.readAll(input, MAX_METADATA_BYTES, file.toString()), file.toString());
            return json.isObject() ? Optional.of(json) : Optional.empty();
        } catch (IOException | AssayException e) {
            LOG.debug("ignoring unreadable download metadata {}: {}", file, e.toString());
            return Optional.empty();
        }
    }

    private static String text(JsonNode json, String field) {
        JsonNode value = json.get(field);
        return value == null || !value.isTextual() ? null : value.asText();
    }

    private static Instant instant(JsonNode json, String field) {
        String value = text(json, field);
        if (value == null) {
            return Instant.EPOCH;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            return Instant.EPOCH;
        }
    }

    /**
     * The recorded state of a completed dump.
     *
     * @param etag the server's ETag, or null
     * @param lastModified the server's Last-Modified exactly as sent (sent back unparsed), or null
     * @param checkedAt when the server last confirmed this dump is current
     */
    record Completed(
            String url,
            String etag,
            String lastModified,
            long bytes,
            String sha256,
            Instant downloadedAt,
            Instant checkedAt) {
        /** The same file, now confirmed current at {@code newUrl} under these validators. */
        Completed confirmed(String newUrl, String newEtag, String newLastModified, Instant checked) {
            return new Completed(newUrl, newEtag, newLastModified, bytes, sha256, downloadedAt, checked);
        }
    }

    /**
     * A partial download and the response that began it.
     *
     * @param totalBytes the complete size the server announced, or -1
     * @param googHash the {@code x-goog-hash} of the complete object, or null
     * @param bytesOnDisk the partial file's current size
     */
    record Partial(String url, String etag, String lastModified, long totalBytes, String googHash, long bytesOnDisk) {
        /**
         * The value for {@code If-Range}: a strong ETag, else Last-Modified. A weak ETag may not be used
         * there (RFC 9110, 13.1.5), so with only a weak one the download cannot be resumed.
         */
        String ifRangeValidator() {
            if (etag != null && !etag.startsWith("W/")) {
                return etag;
            }
            return lastModified;
        }
    }
}
