package dev.assay.server;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A strict reader of the Prometheus text format 0.0.4, written from the specification to check what the
 * server writes: HELP and TYPE before a family's samples, each family contiguous and declared once,
 * well-formed names, escapes and numbers, no duplicate series, and for histograms cumulative buckets that
 * end in {@code +Inf} equal to {@code _count}.
 */
public final class PrometheusTextParser {
    private static final Pattern HELP = Pattern.compile("# HELP ([a-zA-Z_:][a-zA-Z0-9_:]*) (.*)");
    private static final Pattern TYPE =
            Pattern.compile("# TYPE ([a-zA-Z_:][a-zA-Z0-9_:]*) (counter|gauge|histogram|summary|untyped)");
    private static final Pattern SAMPLE = Pattern.compile(
            "([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{(.*)})? ([-+]?(?:[0-9]+(?:\\.[0-9]*)?(?:[eE][-+]?[0-9]+)?|NaN|Inf|\\+Inf|-Inf))( -?[0-9]+)?");
    private static final Pattern LABEL =
            Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\\\n]|\\\\[\\\\\"n])*)\"(,|$)");

    /** A sample: its name, labels (unescaped) and value. */
    public record Series(String name, Map<String, String> labels, double value) {}

    private PrometheusTextParser() {}

    /** Every sample, or an AssertionError naming the first offending line. */
    public static List<Series> parse(String text) {
        if (!text.isEmpty() && !text.endsWith("\n")) {
            throw new AssertionError("the exposition must end with a newline");
        }
        List<Series> series = new ArrayList<>();
        Map<String, String> types = new HashMap<>();
        Set<String> closedFamilies = new HashSet<>();
        Set<String> seenSeries = new HashSet<>();
        String currentFamily = null;
        int lineNumber = 0;
        for (String line : text.split("\n")) {
            lineNumber++;
            if (line.startsWith("# HELP ")) {
                Matcher help = HELP.matcher(line);
                require(help.matches(), lineNumber, line, "malformed HELP");
                currentFamily = startFamily(help.group(1), currentFamily, closedFamilies, lineNumber, line);
                continue;
            }
            if (line.startsWith("# TYPE ")) {
                Matcher type = TYPE.matcher(line);
                require(type.matches(), lineNumber, line, "malformed TYPE");
                require(!types.containsKey(type.group(1)), lineNumber, line, "TYPE declared twice");
                if (!type.group(1).equals(currentFamily)) {
                    currentFamily = startFamily(type.group(1), currentFamily, closedFamilies, lineNumber, line);
                }
                types.put(type.group(1), type.group(2));
                continue;
            }
            require(!line.startsWith("#") || line.startsWith("# "), lineNumber, line, "malformed comment");
            if (line.startsWith("#") || line.isEmpty()) {
                continue;
            }
            Matcher sample = SAMPLE.matcher(line);
            require(sample.matches(), lineNumber, line, "malformed sample");
            String name = sample.group(1);
            String family = familyOf(name, types);
            require(family.equals(currentFamily), lineNumber, line, "sample outside its family's block (TYPE first)");
            Map<String, String> labels = labels(sample.group(3) == null ? "" : sample.group(3), lineNumber, line);
            require(seenSeries.add(name + labels), lineNumber, line, "duplicate series");
            series.add(new Series(name, labels, number(sample.group(4))));
        }
        checkHistograms(series, types);
        checkCounters(series, types);
        return series;
    }

    /** The value of the series with exactly these labels, or NaN-free failure when absent. */
    public static double value(List<Series> series, String name, Map<String, String> labels) {
        return series.stream()
                .filter(candidate ->
                        candidate.name().equals(name) && candidate.labels().equals(labels))
                .mapToDouble(Series::value)
                .findFirst()
                .orElseThrow(() -> new AssertionError("no series " + name + labels));
    }

    private static String startFamily(String family, String current, Set<String> closed, int lineNumber, String line) {
        require(!closed.contains(family), lineNumber, line, "family " + family + " is not contiguous");
        if (current != null) {
            closed.add(current);
        }
        return family;
    }

    private static String familyOf(String name, Map<String, String> types) {
        for (String suffix : new String[] {"_bucket", "_sum", "_count"}) {
            if (name.endsWith(suffix)) {
                String base = name.substring(0, name.length() - suffix.length());
                if ("histogram".equals(types.get(base)) || "summary".equals(types.get(base))) {
                    return base;
                }
            }
        }
        return name;
    }

    private static Map<String, String> labels(String text, int lineNumber, String line) {
        Map<String, String> labels = new LinkedHashMap<>();
        Matcher label = LABEL.matcher(text);
        int position = 0;
        while (position < text.length()) {
            require(label.find(position) && label.start() == position, lineNumber, line, "malformed labels");
            String value =
                    label.group(2).replace("\\n", "\n").replace("\\\"", "\"").replace("\\\\", "\\");
            require(labels.put(label.group(1), value) == null, lineNumber, line, "label repeated");
            position = label.end();
        }
        return labels;
    }

    private static double number(String text) {
        return switch (text) {
            case "NaN" -> Double.NaN;
            case "Inf", "+Inf" -> Double.POSITIVE_INFINITY;
            case "-Inf" -> Double.NEGATIVE_INFINITY;
            default -> Double.parseDouble(text);
        };
    }

    private static void checkHistograms(List<Series> series, Map<String, String> types) {
        for (Map.Entry<String, String> type : types.entrySet()) {
            if (!type.getValue().equals("histogram")) {
                continue;
            }
            String name = type.getKey();
            Map<Map<String, String>, List<Series>> buckets = new LinkedHashMap<>();
            for (Series sample : series) {
                if (sample.name().equals(name + "_bucket")) {
                    Map<String, String> withoutLe = new LinkedHashMap<>(sample.labels());
                    if (withoutLe.remove("le") == null) {
                        throw new AssertionError(name + "_bucket without le");
                    }
                    buckets.computeIfAbsent(withoutLe, key -> new ArrayList<>()).add(sample);
                }
            }
            for (Map.Entry<Map<String, String>, List<Series>> child : buckets.entrySet()) {
                double previousBound = Double.NEGATIVE_INFINITY;
                double previousCount = 0;
                List<Series> list = child.getValue();
                for (Series bucket : list) {
                    double bound = number(bucket.labels().get("le"));
                    if (!(bound > previousBound) || bucket.value() < previousCount) {
                        throw new AssertionError(name + child.getKey() + ": buckets not cumulative at le=" + bound);
                    }
                    previousBound = bound;
                    previousCount = bucket.value();
                }
                if (previousBound != Double.POSITIVE_INFINITY) {
                    throw new AssertionError(name + child.getKey() + ": no +Inf bucket");
                }
                if (value(series, name + "_count", child.getKey()) != previousCount) {
                    throw new AssertionError(name + child.getKey() + ": +Inf bucket differs from _count");
                }
                value(series, name + "_sum", child.getKey());
            }
        }
    }

    private static void checkCounters(List<Series> series, Map<String, String> types) {
        for (Series sample : series) {
            if ("counter".equals(types.get(sample.name())) && !(sample.value() >= 0)) {
                throw new AssertionError("counter " + sample.name() + " is negative or NaN");
            }
        }
    }

    private static void require(boolean condition, int lineNumber, String line, String problem) {
        if (!condition) {
            throw new AssertionError("line " + lineNumber + ": " + problem + ": " + line);
        }
    }
}
