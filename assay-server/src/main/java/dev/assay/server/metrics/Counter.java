package dev.assay.server.metrics;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/** A counter with a fixed set of label names; one child per combination of label values. */
public final class Counter {
    private final String name;
    private final String help;
    private final List<String> labelNames;
    private final Map<List<String>, LongAdder> children = new ConcurrentHashMap<>();

    Counter(String name, String help, List<String> labelNames) {
        this.name = name;
        this.help = help;
        this.labelNames = List.copyOf(labelNames);
    }

    /** Adds one for these label values, given in the order of the label names. */
    public void inc(String... labelValues) {
        add(1, labelValues);
    }

    public void add(long amount, String... labelValues) {
        if (labelValues.length != labelNames.size()) {
            throw new IllegalArgumentException(
                    name + " takes " + labelNames.size() + " label values, not " + labelValues.length);
        }
        children.computeIfAbsent(List.of(labelValues), key -> new LongAdder()).add(amount);
    }

    /** The current count for these label values (0 when never counted). */
    public long get(String... labelValues) {
        LongAdder adder = children.get(List.of(labelValues));
        return adder == null ? 0 : adder.sum();
    }

    String name() {
        return name;
    }

    void writeTo(PrometheusText text) {
        text.family(name, "counter", help);
        children.entrySet().stream()
                .sorted(Metrics.BY_LABEL_VALUES)
                .forEach(child -> text.sample(
                        name, labelNames, child.getKey(), null, child.getValue().sum()));
    }
}
