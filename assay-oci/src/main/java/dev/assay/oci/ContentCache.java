package dev.assay.oci;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Small documents fetched by digest (signature payloads, bundles, referrer manifests), kept per client.
 * Content addressed by its digest never changes, and every entry was checked against its digest when it
 * was fetched, so serving it again is as safe as fetching it again; only tags are always asked afresh. A
 * long-running verifier then pays for what changed since the last verification, not for everything.
 */
final class ContentCache {
    static final int MAX_ENTRY_BYTES = 1024 * 1024;
    private static final int MAX_ENTRIES = 512;

    private final Map<Digest, byte[]> entries = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Digest, byte[]> eldest) {
            return size() > MAX_ENTRIES;
        }
    };

    synchronized Optional<byte[]> get(Digest digest) {
        return Optional.ofNullable(entries.get(digest));
    }

    synchronized void put(Digest digest, byte[] content) {
        if (content.length <= MAX_ENTRY_BYTES) {
            entries.put(digest, content);
        }
    }

    synchronized void clear() {
        entries.clear();
    }
}
