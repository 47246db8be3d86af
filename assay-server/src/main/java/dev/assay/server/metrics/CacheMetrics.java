package dev.assay.server.metrics;

import dev.assay.engine.admission.spi.CacheStatisticsSource;
import java.util.ArrayList;
import java.util.List;

/**
 * The hit rate of the caches policy packs register ({@link CacheStatisticsSource}): hits and misses as
 * counters, so that Prometheus can compute the rate over any window, and the ratio since start as a gauge
 * for a glance.
 */
public final class CacheMetrics implements MetricsSource {
    private final List<CacheStatisticsSource> caches;

    public CacheMetrics(List<CacheStatisticsSource> caches) {
        this.caches = List.copyOf(caches);
    }

    @Override
    public void collect(MetricFamilies families) {
        if (caches.isEmpty()) {
            return;
        }
        List<Sample> hits = new ArrayList<>();
        List<Sample> misses = new ArrayList<>();
        List<Sample> ratios = new ArrayList<>();
        for (CacheStatisticsSource cache : caches) {
            // Read each counter once, so the ratio agrees with the counters of the same scrape.
            long hitCount = cache.hits();
            long missCount = cache.misses();
            hits.add(Sample.of("cache", cache.cacheName(), hitCount));
            misses.add(Sample.of("cache", cache.cacheName(), missCount));
            long lookups = hitCount + missCount;
            ratios.add(Sample.of("cache", cache.cacheName(), lookups == 0 ? Double.NaN : (double) hitCount / lookups));
        }
        families.counter("assay_cache_hits_total", "Lookups answered from a policy pack's cache.", hits);
        families.counter("assay_cache_misses_total", "Lookups a policy pack's cache could not answer.", misses);
        families.gauge("assay_cache_hit_ratio", "Hits over lookups since the server started (NaN before any).", ratios);
    }

    @Override
    public String toString() {
        return "cache statistics of "
                + caches.stream().map(CacheStatisticsSource::cacheName).toList();
    }
}
