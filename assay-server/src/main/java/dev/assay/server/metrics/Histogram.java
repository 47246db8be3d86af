package dev.assay.server.metrics;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.DoubleAdder;
import java.util.concurrent.atomic.LongAdder;

/**
 * A histogram with fixed buckets, one child per combination of label values. Observations are counted
 * per bucket without locks; the cumulative counts Prometheus expects are summed when scraped, and the
 * count is their total, so {@code +Inf} always equals {@code _count}.
 */
public final class Histogram {
    /** Admission latencies: the API server's default webhook timeout is 10 s, the target p99 5 ms. */
    public static final double[] LATENCY_SECONDS = {
        0.0005, 0.001, 0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10
    };

    private final String name;
    private final String help;
    private final List<String> labelNames;
    private final double[] bounds;
    private final Map<List<String>, Child> children = new ConcurrentHashMap<>();

    Histogram(String name, String help, double[] bounds, List<String> labelNames) {
        for (int i = 1; i < bounds.length; i++) {
            if (!(bounds[i] > bounds[i - 1])) {
                throw new IllegalArgumentException(name + ": bucket bounds must increase");
            }
        }
        this.name = name;
        this.help = help;
        this.bounds = bounds.clone();
        this.labelNames = List.copyOf(labelNames);
    }

    public void observe(double value, String... labelValues) {
        if (labelValues.length != labelNames.size()) {
            throw new IllegalArgumentException(
                    name + " takes " + labelNames.size() + " label values, not " + labelValues.length);
        }
        children.computeIfAbsent(List.of(labelValues), key -> new Child(bounds.length + 1))
                .observe(bounds, value);
    }

    /** Observations so far for these label values. */
    public long count(String... labelValues) {
        Child child = children.get(List.of(labelValues));
        return child == null
                ? 0
                : Arrays.stream(child.buckets).mapToLong(LongAdder::sum).sum();
    }

    String name() {
        return name;
    }

    void writeTo(PrometheusText text) {
        text.family(name, "histogram", help);
        children.entrySet().stream().sorted(Metrics.BY_LABEL_VALUES).forEach(entry -> {
            Child child = entry.getValue();
            long cumulative = 0;
            for (int i = 0; i < child.buckets.length; i++) {
                cumulative += child.buckets[i].sum();
                String le = i < bounds.length ? PrometheusText.number(bounds[i]) : "+Inf";
                text.sample(name + "_bucket", labelNames, entry.getKey(), le, cumulative);
            }
            text.sample(name + "_sum", labelNames, entry.getKey(), null, child.sum.sum());
            text.sample(name + "_count", labelNames, entry.getKey(), null, cumulative);
        });
    }

    private static final class Child {
        /** Per bucket, not cumulative; the last one is above every bound. */
        final LongAdder[] buckets;

        final DoubleAdder sum = new DoubleAdder();

        Child(int size) {
            buckets = new LongAdder[size];
            for (int i = 0; i < size; i++) {
                buckets[i] = new LongAdder();
            }
        }

        void observe(double[] bounds, double value) {
            int index = Arrays.binarySearch(bounds, value);
            // A value equal to a bound belongs to that bucket (le is inclusive).
            int bucket = index >= 0 ? index : -index - 1;
            buckets[bucket].increment();
            sum.add(value);
        }
    }
}
