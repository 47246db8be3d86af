package dev.assay.server.metrics;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** One value of a metric family, with its labels in order. */
public record Sample(Map<String, String> labels, double value) {
    public Sample {
        labels = Collections.unmodifiableMap(new LinkedHashMap<>(labels));
    }

    public static Sample of(double value) {
        return new Sample(Map.of(), value);
    }

    public static Sample of(String label, String labelValue, double value) {
        return new Sample(Map.of(label, labelValue), value);
    }
}
