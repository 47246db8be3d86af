package dev.assay.server.metrics;

import java.util.List;

/** Where a {@link MetricsSource} writes its metrics; each family name at most once per scrape. */
public interface MetricFamilies {
    /** A cumulative count; by convention the name ends in {@code _total}. */
    void counter(String name, String help, List<Sample> samples);

    /** A value that goes up and down, such as a ratio or a timestamp. */
    void gauge(String name, String help, List<Sample> samples);
}
