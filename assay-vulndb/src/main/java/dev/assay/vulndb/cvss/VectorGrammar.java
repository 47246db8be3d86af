package dev.assay.vulndb.cvss;

import dev.assay.vulndb.cvss.InvalidCvssVectorException.Reason;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The shared shape of CVSS vector strings: an optional version prefix, then {@code KEY:VALUE} pairs
 * separated by {@code /}. Each version declares its metrics, their legal values and which are mandatory;
 * this class enforces that and nothing else.
 *
 * <p>Metric order is not enforced. The v2 and v3 specifications allow any order; the v4.0 specification
 * recommends its table order but real advisories carry reordered v4 vectors (GitHub's advisory database has
 * some), and the order carries no meaning, so refusing them would only lose ratings. Vectors are always
 * written back in the specification's order. Parsing is linear in the length of the string, and the string
 * is refused before any splitting when it is longer than any legal vector could be, so hostile input costs
 * a bounded amount of work.
 */
final class VectorGrammar {
    /**
     * The longest legal vector (CVSS v4.0 with every optional metric) is under 300 characters; anything
     * beyond this is not a vector and is refused before it is split.
     */
    static final int MAX_VECTOR_LENGTH = 512;

    private final Map<String, Metric> metricsByKey;
    private final List<Metric> metricsInOrder;

    /** One metric: its abbreviation, its legal values and whether every vector must carry it. */
    record Metric(String key, Set<String> values, boolean mandatory) {
        Metric {
            values = Set.copyOf(values);
        }

        static Metric mandatory(String key, String... values) {
            return new Metric(key, Set.of(values), true);
        }

        static Metric optional(String key, String... values) {
            return new Metric(key, Set.of(values), false);
        }
    }

    VectorGrammar(List<Metric> metricsInOrder) {
        this.metricsInOrder = List.copyOf(metricsInOrder);
        Map<String, Metric> byKey = new LinkedHashMap<>();
        for (Metric metric : metricsInOrder) {
            byKey.put(metric.key(), metric);
        }
        this.metricsByKey = Collections.unmodifiableMap(byKey);
    }

    /**
     * Checks the raw string before any prefix is looked at: not null, not blank, bounded, printable ASCII.
     * Returns the string with surrounding whitespace removed.
     */
    static String precheck(String vector) {
        if (vector == null) {
            throw new InvalidCvssVectorException(Reason.EMPTY, "no vector", null);
        }
        if (vector.length() > MAX_VECTOR_LENGTH) {
            throw new InvalidCvssVectorException(
                    Reason.TOO_LONG, vector.length() + " characters, at most " + MAX_VECTOR_LENGTH, vector);
        }
        String trimmed = vector.strip();
        if (trimmed.isEmpty()) {
            throw new InvalidCvssVectorException(Reason.EMPTY, "blank vector", vector);
        }
        for (int index = 0; index < trimmed.length(); index++) {
            char character = trimmed.charAt(index);
            if (character <= ' ' || character > '~') {
                throw new InvalidCvssVectorException(
                        Reason.ILLEGAL_CHARACTER,
                        String.format(java.util.Locale.ROOT, "U+%04X at index %d", (int) character, index),
                        vector);
            }
        }
        return trimmed;
    }

    /**
     * Parses the metric part of a vector (after the version prefix). Returns the metrics in the
     * specification's order, exactly as written (an explicit {@code X} stays, an omitted metric is absent).
     */
    Map<String, String> parseMetrics(String metricPart, String wholeVector) {
        if (metricPart.isEmpty()) {
            throw new InvalidCvssVectorException(Reason.MISSING_METRIC, "no metrics", wholeVector);
        }
        Map<String, String> written = new LinkedHashMap<>();
        int start = 0;
        while (start <= metricPart.length()) {
            int slash = metricPart.indexOf('/', start);
            int end = slash < 0 ? metricPart.length() : slash;
            String pair = metricPart.substring(start, end);
            int colon = pair.indexOf(':');
            if (colon <= 0 || colon == pair.length() - 1 || pair.indexOf(':', colon + 1) >= 0) {
                throw new InvalidCvssVectorException(
                        Reason.MALFORMED_METRIC, "'" + abbreviatePair(pair) + "'", wholeVector);
            }
            String key = pair.substring(0, colon);
            String value = pair.substring(colon + 1);
            Metric metric = metricsByKey.get(key);
            if (metric == null) {
                throw new InvalidCvssVectorException(
                        Reason.UNKNOWN_METRIC, "'" + abbreviatePair(key) + "'", wholeVector);
            }
            if (written.containsKey(key)) {
                throw new InvalidCvssVectorException(Reason.DUPLICATE_METRIC, key, wholeVector);
            }
            if (!metric.values().contains(value)) {
                throw new InvalidCvssVectorException(
                        Reason.UNKNOWN_VALUE, key + ":" + abbreviatePair(value), wholeVector);
            }
            written.put(key, value);
            if (slash < 0) {
                break;
            }
            start = slash + 1;
        }
        List<String> missing = new ArrayList<>();
        for (Metric metric : metricsInOrder) {
            if (metric.mandatory() && !written.containsKey(metric.key())) {
                missing.add(metric.key());
            }
        }
        if (!missing.isEmpty()) {
            throw new InvalidCvssVectorException(Reason.MISSING_METRIC, String.join(", ", missing), wholeVector);
        }
        Map<String, String> canonical = new LinkedHashMap<>();
        for (Metric metric : metricsInOrder) {
            String value = written.get(metric.key());
            if (value != null) {
                canonical.put(metric.key(), value);
            }
        }
        return Collections.unmodifiableMap(canonical);
    }

    /** The metrics joined in the specification's order, without a prefix. */
    static String render(Map<String, String> metrics) {
        StringBuilder text = new StringBuilder();
        metrics.forEach((key, value) -> {
            if (!text.isEmpty()) {
                text.append('/');
            }
            text.append(key).append(':').append(value);
        });
        return text.toString();
    }

    private static String abbreviatePair(String text) {
        return text.length() <= 16 ? text : text.substring(0, 16) + "...";
    }
}
