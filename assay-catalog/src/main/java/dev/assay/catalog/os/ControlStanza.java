package dev.assay.catalog.os;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One paragraph of a Debian control-style file (the dpkg status database, a distroless {@code status.d}
 * entry): {@code Field: value} lines, continuation lines starting with a space or tab, paragraphs separated
 * by blank lines. Field names are case-insensitive, as dpkg treats them.
 *
 * @param line the 1-based line on which the paragraph starts, for messages
 */
record ControlStanza(int line, Map<String, String> fields) {
    private static final int MAX_PROBLEMS = 10;

    ControlStanza {
        TreeMap<String, String> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        copy.putAll(fields);
        fields = Collections.unmodifiableMap(copy);
    }

    /** The field's value, first line and continuation lines joined by {@code \n}, stripped; empty when absent. */
    Optional<String> field(String name) {
        String value = fields.get(name);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.strip());
    }

    /**
     * Splits a control file into paragraphs. Malformed lines (a continuation before any field, a line with
     * no colon) are skipped and listed as problems, the way dpkg's own parser refuses them, without losing
     * the paragraphs around them. A repeated field keeps its first value.
     *
     * @param problems collects what was skipped
     */
    static List<ControlStanza> parseAll(String text, ProblemLog problems) {
        List<ControlStanza> stanzas = new ArrayList<>();
        TreeMap<String, StringBuilder> current = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        StringBuilder lastValue = null;
        int start = 0;
        int lineNumber = 0;
        int position = 0;
        int length = text.length();
        while (position <= length) {
            int end = text.indexOf('\n', position);
            if (end < 0) {
                end = length;
            }
            String line = text.substring(position, end);
            position = end + 1;
            lineNumber++;
            if (line.endsWith("\r")) {
                line = line.substring(0, line.length() - 1);
            }
            if (line.isBlank()) {
                if (!current.isEmpty()) {
                    stanzas.add(finish(start, current));
                    current.clear();
                }
                lastValue = null;
                continue;
            }
            if (current.isEmpty()) {
                start = lineNumber;
            }
            char first = line.charAt(0);
            if (first == ' ' || first == '\t') {
                if (lastValue == null) {
                    problems.add("line " + lineNumber + ": continuation line without a field");
                } else {
                    lastValue.append('\n').append(line.strip());
                }
                continue;
            }
            if (first == '#') {
                continue;
            }
            int colon = line.indexOf(':');
            if (colon <= 0) {
                problems.add("line " + lineNumber + ": not a 'Field: value' line");
                lastValue = null;
                continue;
            }
            String name = line.substring(0, colon).strip();
            if (current.containsKey(name)) {
                // dpkg rejects duplicate fields; keeping the first keeps the stanza usable.
                problems.add("line " + lineNumber + ": repeated field " + shorten(name));
                lastValue = new StringBuilder();
                continue;
            }
            lastValue = new StringBuilder(line.substring(colon + 1).strip());
            current.put(name, lastValue);
        }
        if (!current.isEmpty()) {
            stanzas.add(finish(start, current));
        }
        return stanzas;
    }

    private static ControlStanza finish(int start, Map<String, StringBuilder> fields) {
        TreeMap<String, String> values = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        fields.forEach((name, value) -> values.put(name, value.toString()));
        return new ControlStanza(start, values);
    }

    /** Keeps the first few problems; a hostile file with millions of bad lines must not fill the heap. */
    static final class ProblemLog {
        private final List<String> kept = new ArrayList<>();
        private int more;

        void add(String problem) {
            if (kept.size() < MAX_PROBLEMS) {
                kept.add(problem);
            } else {
                more++;
            }
        }

        List<String> summary() {
            if (more == 0) {
                return List.copyOf(kept);
            }
            List<String> all = new ArrayList<>(kept);
            all.add("and " + more + " more");
            return all;
        }
    }

    static String shorten(String text) {
        return shorten(text, 80);
    }

    static String shorten(String text, int maximum) {
        return text.length() <= maximum ? text : text.substring(0, maximum - 3) + "...";
    }
}
