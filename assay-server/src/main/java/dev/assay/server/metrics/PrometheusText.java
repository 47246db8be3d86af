package dev.assay.server.metrics;

import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Writes the Prometheus text format 0.0.4: a {@code # HELP} and {@code # TYPE} line per family, then its
 * samples, label values escaped. A family name written twice is an error, because Prometheus rejects the
 * whole scrape for it.
 */
final class PrometheusText implements MetricFamilies {
    static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private static final Pattern METRIC_NAME = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");
    private static final Pattern LABEL_NAME = Pattern.compile("[a-zA-Z_][a-zA-Z0-9_]*");

    private final StringBuilder out;
    private final Set<String> families;

    /** @param families the names already written in this scrape; names this writer writes are added */
    PrometheusText(StringBuilder out, Set<String> families) {
        this.out = out;
        this.families = families;
    }

    void family(String name, String type, String help) {
        requireName(name);
        if (!families.add(name)) {
            throw new IllegalStateException("metric family " + name + " written twice");
        }
        out.append("# HELP ").append(name).append(' ');
        escapeHelp(help);
        out.append('\n').append("# TYPE ").append(name).append(' ').append(type).append('\n');
    }

    void sample(String name, List<String> labelNames, List<String> labelValues, String le, double value) {
        out.append(name);
        if (!labelNames.isEmpty() || le != null) {
            out.append('{');
            for (int i = 0; i < labelNames.size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                label(labelNames.get(i), labelValues.get(i));
            }
            if (le != null) {
                if (!labelNames.isEmpty()) {
                    out.append(',');
                }
                label("le", le);
            }
            out.append('}');
        }
        out.append(' ').append(number(value)).append('\n');
    }

    @Override
    public void counter(String name, String help, List<Sample> samples) {
        external(name, "counter", help, samples);
    }

    @Override
    public void gauge(String name, String help, List<Sample> samples) {
        external(name, "gauge", help, samples);
    }

    private void external(String name, String type, String help, List<Sample> samples) {
        family(name, type, help);
        for (Sample sample : samples) {
            List<String> names = List.copyOf(sample.labels().keySet());
            names.forEach(PrometheusText::requireLabelName);
            sample(name, names, names.stream().map(sample.labels()::get).toList(), null, sample.value());
        }
    }

    private void label(String name, String value) {
        out.append(name).append("=\"");
        for (int i = 0; i < value.length(); i++) {
            char character = value.charAt(i);
            switch (character) {
                case '\\' -> out.append("\\\\");
                case '"' -> out.append("\\\"");
                case '\n' -> out.append("\\n");
                default -> out.append(character);
            }
        }
        out.append('"');
    }

    private void escapeHelp(String help) {
        for (int i = 0; i < help.length(); i++) {
            char character = help.charAt(i);
            switch (character) {
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                default -> out.append(character);
            }
        }
    }

    static String number(double value) {
        if (Double.isNaN(value)) {
            return "NaN";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "+Inf" : "-Inf";
        }
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return Long.toString((long) value);
        }
        return java.math.BigDecimal.valueOf(value).toPlainString();
    }

    static void requireName(String name) {
        if (!METRIC_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("invalid metric name '" + name + "'");
        }
    }

    static void requireLabelName(String name) {
        if (!LABEL_NAME.matcher(name).matches() || name.startsWith("__")) {
            throw new IllegalArgumentException("invalid label name '" + name + "'");
        }
    }
}
