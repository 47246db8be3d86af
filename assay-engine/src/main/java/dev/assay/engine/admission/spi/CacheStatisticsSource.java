package dev.assay.engine.admission.spi;

import java.util.Objects;
import java.util.function.LongSupplier;

/**
 * A cache whose hit rate the server reports in {@code /metrics}, such as the image pack's cache of
 * signature and provenance verifications (a miss costs a registry round trip inside the admission
 * deadline, so its hit rate explains latency). Counters are cumulative since start and read concurrently
 * with requests.
 */
public interface CacheStatisticsSource {
    /** A short stable name, the {@code cache} label of the metrics ({@code image-verification}). */
    String cacheName();

    long hits();

    long misses();

    /** A source reading two counters the cache already keeps. */
    static CacheStatisticsSource of(String cacheName, LongSupplier hits, LongSupplier misses) {
        Objects.requireNonNull(cacheName, "cacheName");
        Objects.requireNonNull(hits, "hits");
        Objects.requireNonNull(misses, "misses");
        return new CacheStatisticsSource() {
            @Override
            public String cacheName() {
                return cacheName;
            }

            @Override
            public long hits() {
                return hits.getAsLong();
            }

            @Override
            public long misses() {
                return misses.getAsLong();
            }
        };
    }
}
