package dev.assay.engine.image;

/**
 * What a verification cache has done since it was created, for {@code /metrics}.
 *
 * @param hits lookups answered from the cache
 * @param misses lookups that had to ask the registry (absent or expired entries)
 * @param evictions entries dropped to stay within {@code capacity}
 * @param size entries held now
 * @param capacity the most entries it holds
 */
public record CacheStatistics(long hits, long misses, long evictions, int size, int capacity) {
    /** Hits per lookup, 0 before the first lookup. */
    public double hitRate() {
        long lookups = hits + misses;
        return lookups == 0 ? 0 : (double) hits / lookups;
    }

    /** Both caches as one, for a single hit rate. */
    public CacheStatistics plus(CacheStatistics other) {
        return new CacheStatistics(
                hits + other.hits,
                misses + other.misses,
                evictions + other.evictions,
                size + other.size,
                capacity + other.capacity);
    }
}
