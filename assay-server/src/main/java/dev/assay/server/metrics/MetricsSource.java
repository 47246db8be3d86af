package dev.assay.server.metrics;

/**
 * Metrics that something else counts, read at every scrape of {@code /metrics}: the hit rate of the
 * image pack's verification cache, the size of a queue. Called concurrently with requests; must be cheap
 * and must not throw (a failing source is logged and skipped, the scrape still answers).
 */
@FunctionalInterface
public interface MetricsSource {
    void collect(MetricFamilies families);
}
