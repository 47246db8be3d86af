package dev.assay.server.metrics;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server's metric registry: the counters and histograms features create, and the sources read at
 * each scrape. Creating a metric is done once at start; updating it is lock-free.
 */
public final class Metrics {
    private static final Logger LOG = LoggerFactory.getLogger(Metrics.class);

    static final Comparator<Map.Entry<List<String>, ?>> BY_LABEL_VALUES =
            Comparator.comparing(entry -> String.join("\u0000", entry.getKey()));

    private final List<Object> metrics = new CopyOnWriteArrayList<>();
    private final List<MetricsSource> sources = new CopyOnWriteArrayList<>();

    public Counter counter(String name, String help, String... labelNames) {
        validate(name, labelNames);
        Counter counter = new Counter(name, help, List.of(labelNames));
        metrics.add(counter);
        return counter;
    }

    public Histogram histogram(String name, String help, double[] bounds, String... labelNames) {
        validate(name, labelNames);
        Histogram histogram = new Histogram(name, help, bounds, List.of(labelNames));
        metrics.add(histogram);
        return histogram;
    }

    public void source(MetricsSource source) {
        sources.add(source);
    }

    /** Every metric in the text format, as {@code /metrics} serves it. */
    public String scrape() {
        StringBuilder out = new StringBuilder(4096);
        Set<String> families = new HashSet<>();
        PrometheusText text = new PrometheusText(out, families);
        for (Object metric : metrics) {
            switch (metric) {
                case Counter counter -> counter.writeTo(text);
                case Histogram histogram -> histogram.writeTo(text);
                default -> throw new IllegalStateException("unknown metric type " + metric.getClass());
            }
        }
        for (MetricsSource source : sources) {
            // A source writes into a buffer of its own first, so that one that fails half-way leaves
            // no half family in the scrape.
            StringBuilder buffer = new StringBuilder();
            Set<String> sourceFamilies = new HashSet<>(families);
            try {
                source.collect(new PrometheusText(buffer, sourceFamilies));
            } catch (RuntimeException e) {
                LOG.warn("metrics source {} failed; its metrics are missing from this scrape", source, e);
                continue;
            }
            families.addAll(sourceFamilies);
            out.append(buffer);
        }
        return out.toString();
    }

    /** The content type of {@link #scrape()}. */
    public static String contentType() {
        return PrometheusText.CONTENT_TYPE;
    }

    private void validate(String name, String... labelNames) {
        PrometheusText.requireName(name);
        for (String labelName : labelNames) {
            PrometheusText.requireLabelName(labelName);
            if (labelName.equals("le")) {
                throw new IllegalArgumentException("label name le is reserved for histogram buckets");
            }
        }
        List<String> names = new ArrayList<>();
        for (Object metric : metrics) {
            names.add(metric instanceof Counter counter ? counter.name() : ((Histogram) metric).name());
        }
        if (names.contains(name)) {
            throw new IllegalArgumentException("metric " + name + " is already registered");
        }
    }
}
