package dev.assay.model.untrusted;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A fast reader for the plain subset of YAML that machines write: one document of block mappings and
 * sequences, plain and single-quoted scalars, double-quoted scalars without escapes, and one-line flow
 * collections ({@code {integrity: sha512-...}}, {@code [x64]}). pnpm lockfiles are written this way, and
 * reading one through the full YAML engine cost more than the rest of {@code assay sbom} together.
 *
 * <p>Anything else (anchors, aliases, tags, block scalars, comments after content, multi-line plain
 * scalars, several documents, tabs, escapes) makes it give up and return empty, and the caller reads the text
 * with the full engine instead. It gives the same values as {@link SafeYaml#loadAll} under the failsafe
 * schema (strings, lists and maps; an empty value is null), which a differential test checks on every YAML
 * file of the test corpora.
 */
public final class BlockYamlSubset {
    /** Deeper documents go to the full engine, which has its own limits. */
    private static final int MAX_DEPTH = 64;

    private final List<Line> lines;
    private int next;

    private record Line(int indent, String text) {}

    /** Thrown inside the reader when the text leaves the subset; never escapes {@link #read}. */
    private static final class OutsideSubset extends Exception {
        OutsideSubset() {
            super(null, null, false, false);
        }
    }

    private BlockYamlSubset(List<Line> lines) {
        this.lines = lines;
    }

    /** The document's value, or empty when the text is not in the subset (or is empty). */
    public static Optional<Object> read(String content) {
        if (content.startsWith("\uFEFF")) {
            return Optional.empty();
        }
        try {
            List<Line> lines = lines(content);
            if (lines.isEmpty()) {
                return Optional.empty();
            }
            BlockYamlSubset reader = new BlockYamlSubset(lines);
            Object value = reader.block(lines.get(0).indent(), 0);
            if (reader.next != lines.size() || value == null) {
                return Optional.empty();
            }
            return Optional.of(value);
        } catch (OutsideSubset e) {
            return Optional.empty();
        }
    }

    private static List<Line> lines(String content) throws OutsideSubset {
        List<Line> lines = new ArrayList<>();
        int start = 0;
        int length = content.length();
        while (start < length) {
            int end = content.indexOf('\n', start);
            if (end < 0) {
                end = length;
            }
            // CRLF line breaks are line breaks; a carriage return anywhere else leaves the subset below.
            int lineEnd = end > start && content.charAt(end - 1) == '\r' ? end - 1 : end;
            int indent = start;
            while (indent < lineEnd && content.charAt(indent) == ' ') {
                indent++;
            }
            int last = lineEnd;
            while (last > indent && content.charAt(last - 1) == ' ') {
                last--;
            }
            if (indent < last) {
                String text = content.substring(indent, last);
                char first = text.charAt(0);
                if (first == '#') {
                    // A comment line: nothing to read.
                } else if (first == '\t'
                        || first == '%'
                        || text.startsWith("---")
                        || text.startsWith("...")
                        || text.indexOf('\t') >= 0
                        || text.indexOf('\r') >= 0
                        || text.contains(" #")) {
                    throw new OutsideSubset();
                } else {
                    lines.add(new Line(indent - start, text));
                }
            }
            start = end + 1;
        }
        return lines;
    }

    private Object block(int indent, int depth) throws OutsideSubset {
        if (depth > MAX_DEPTH) {
            throw new OutsideSubset();
        }
        Line line = lines.get(next);
        return isSequenceEntry(line.text()) ? sequence(indent, depth) : mapping(indent, depth);
    }

    private static boolean isSequenceEntry(String text) {
        return text.equals("-") || text.startsWith("- ");
    }

    private Map<String, Object> mapping(int indent, int depth) throws OutsideSubset {
        Map<String, Object> mapping = new LinkedHashMap<>();
        while (next < lines.size()) {
            Line line = lines.get(next);
            if (line.indent() < indent) {
                break;
            }
            if (line.indent() > indent || isSequenceEntry(line.text())) {
                throw new OutsideSubset();
            }
            String text = line.text();
            int colon;
            String key;
            char first = text.charAt(0);
            if (first == '\'' || first == '"') {
                int close = closingQuote(text, 0);
                key = quoted(text, 0, close);
                colon = close + 1;
                if (colon >= text.length()
                        || text.charAt(colon) != ':'
                        || (colon + 1 < text.length() && text.charAt(colon + 1) != ' ')) {
                    throw new OutsideSubset();
                }
            } else {
                colon = keyColon(text);
                key = trimSpaces(text.substring(0, colon));
                if (key.isEmpty() || isIndicator(first) || first == '-') {
                    throw new OutsideSubset();
                }
            }
            String rest = trimSpaces(text.substring(colon + 1));
            next++;
            Object value;
            if (!rest.isEmpty()) {
                value = inline(rest);
                if (next < lines.size() && lines.get(next).indent() > indent) {
                    throw new OutsideSubset(); // a plain scalar continued on the next line
                }
            } else if (next < lines.size() && lines.get(next).indent() > indent) {
                value = block(lines.get(next).indent(), depth + 1);
            } else if (next < lines.size()
                    && lines.get(next).indent() == indent
                    && isSequenceEntry(lines.get(next).text())) {
                value = sequence(indent, depth + 1);
            } else {
                value = null;
            }
            mapping.put(key, value);
        }
        return mapping;
    }

    /** Where a plain key ends: the first colon followed by a space or the end of the line. */
    private static int keyColon(String text) throws OutsideSubset {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == ':' && (i + 1 == text.length() || text.charAt(i + 1) == ' ')) {
                return i;
            }
        }
        throw new OutsideSubset();
    }

    private List<Object> sequence(int indent, int depth) throws OutsideSubset {
        List<Object> sequence = new ArrayList<>();
        while (next < lines.size()) {
            Line line = lines.get(next);
            if (line.indent() < indent || (line.indent() == indent && !isSequenceEntry(line.text()))) {
                break;
            }
            if (line.indent() > indent) {
                throw new OutsideSubset();
            }
            String item = trimSpaces(line.text().substring(1));
            next++;
            if (item.isEmpty()) {
                if (next < lines.size() && lines.get(next).indent() > indent) {
                    sequence.add(block(lines.get(next).indent(), depth + 1));
                } else {
                    sequence.add(null);
                }
            } else {
                if (isSequenceEntry(item) || looksLikeMappingEntry(item)) {
                    throw new OutsideSubset(); // compact nested collections: left to the full engine
                }
                sequence.add(inline(item));
                if (next < lines.size() && lines.get(next).indent() > indent) {
                    throw new OutsideSubset();
                }
            }
        }
        return sequence;
    }

    private static boolean looksLikeMappingEntry(String text) {
        return text.contains(": ") || text.endsWith(":");
    }

    /** YAML separates with spaces only; {@link String#strip} would also remove other Unicode white space. */
    private static String trimSpaces(String text) {
        int start = 0;
        int end = text.length();
        while (start < end && text.charAt(start) == ' ') {
            start++;
        }
        while (end > start && text.charAt(end - 1) == ' ') {
            end--;
        }
        return text.substring(start, end);
    }

    /** A value on the same line as its key or dash. */
    private static Object inline(String text) throws OutsideSubset {
        char first = text.charAt(0);
        if (first == '{' || first == '[') {
            Flow flow = new Flow(text);
            Object value = flow.value(0);
            flow.skipSpaces();
            if (flow.position != text.length()) {
                throw new OutsideSubset();
            }
            return value;
        }
        if (first == '\'' || first == '"') {
            int close = closingQuote(text, 0);
            if (close != text.length() - 1) {
                throw new OutsideSubset();
            }
            return quoted(text, 0, close);
        }
        if (isIndicator(first)
                || (first == '-' && (text.length() == 1 || text.charAt(1) == ' '))
                || text.contains(": ")
                || text.endsWith(":")) {
            throw new OutsideSubset();
        }
        return text;
    }

    /** Characters that start something other than a plain scalar. */
    private static boolean isIndicator(char c) {
        return switch (c) {
            case '?', ':', ',', '[', ']', '{', '}', '#', '&', '*', '!', '|', '>', '\'', '"', '%', '@', '`' -> true;
            default -> false;
        };
    }

    /** The index of the quote closing the one at {@code open}. */
    private static int closingQuote(String text, int open) throws OutsideSubset {
        char quote = text.charAt(open);
        for (int i = open + 1; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quote == '"' && c == '\\') {
                throw new OutsideSubset(); // escapes: left to the full engine
            }
            if (c == quote) {
                if (quote == '\'' && i + 1 < text.length() && text.charAt(i + 1) == '\'') {
                    i++; // '' is a quote inside a single-quoted scalar
                    continue;
                }
                return i;
            }
        }
        throw new OutsideSubset(); // a quoted scalar continued on the next line
    }

    private static String quoted(String text, int open, int close) {
        String inside = text.substring(open + 1, close);
        return text.charAt(open) == '\'' ? inside.replace("''", "'") : inside;
    }

    /** One-line flow collections, nested at most {@link #MAX_DEPTH} deep. */
    private static final class Flow {
        private final String text;
        private int position;

        Flow(String text) {
            this.text = text;
        }

        Object value(int depth) throws OutsideSubset {
            if (depth > MAX_DEPTH) {
                throw new OutsideSubset();
            }
            skipSpaces();
            if (position >= text.length()) {
                throw new OutsideSubset();
            }
            char c = text.charAt(position);
            if (c == '{') {
                return mapping(depth);
            }
            if (c == '[') {
                return sequence(depth);
            }
            if (c == '\'' || c == '"') {
                int close = closingQuote(text, position);
                String value = quoted(text, position, close);
                position = close + 1;
                return value;
            }
            return plain(false);
        }

        private Map<String, Object> mapping(int depth) throws OutsideSubset {
            Map<String, Object> mapping = new LinkedHashMap<>();
            position++; // {
            skipSpaces();
            if (peek() == '}') {
                position++;
                return mapping;
            }
            while (true) {
                skipSpaces();
                String key;
                char c = peek();
                if (c == '\'' || c == '"') {
                    int close = closingQuote(text, position);
                    key = quoted(text, position, close);
                    position = close + 1;
                } else {
                    key = plain(true);
                }
                if (key == null || peek() != ':') {
                    throw new OutsideSubset();
                }
                position++;
                if (position < text.length() && text.charAt(position) != ' ') {
                    throw new OutsideSubset();
                }
                skipSpaces();
                Object value = peek() == ',' || peek() == '}' ? null : value(depth + 1);
                mapping.put(key, value);
                skipSpaces();
                char after = peek();
                position++;
                if (after == '}') {
                    return mapping;
                }
                if (after != ',') {
                    throw new OutsideSubset();
                }
                skipSpaces();
                if (peek() == '}') {
                    throw new OutsideSubset(); // a trailing comma
                }
            }
        }

        private List<Object> sequence(int depth) throws OutsideSubset {
            List<Object> sequence = new ArrayList<>();
            position++; // [
            skipSpaces();
            if (peek() == ']') {
                position++;
                return sequence;
            }
            while (true) {
                sequence.add(value(depth + 1));
                skipSpaces();
                char after = peek();
                position++;
                if (after == ']') {
                    return sequence;
                }
                if (after != ',') {
                    throw new OutsideSubset();
                }
                skipSpaces();
                if (peek() == ']') {
                    throw new OutsideSubset();
                }
            }
        }

        /** A plain scalar inside a flow collection; a key stops at its colon. */
        private String plain(boolean key) throws OutsideSubset {
            int start = position;
            if (start >= text.length() || isIndicator(text.charAt(start)) || text.charAt(start) == '-') {
                throw new OutsideSubset();
            }
            while (position < text.length()) {
                char c = text.charAt(position);
                if (c == ',' || c == '}' || c == ']') {
                    break;
                }
                if (c == '[' || c == '{' || c == '#') {
                    throw new OutsideSubset();
                }
                if (c == ':') {
                    boolean separator = position + 1 == text.length()
                            || text.charAt(position + 1) == ' '
                            || text.charAt(position + 1) == ',';
                    if (separator) {
                        if (!key) {
                            throw new OutsideSubset();
                        }
                        break;
                    }
                }
                position++;
            }
            String value = trimSpaces(text.substring(start, position));
            if (value.isEmpty()) {
                throw new OutsideSubset();
            }
            return value;
        }

        private char peek() throws OutsideSubset {
            if (position >= text.length()) {
                throw new OutsideSubset();
            }
            return text.charAt(position);
        }

        void skipSpaces() {
            while (position < text.length() && text.charAt(position) == ' ') {
                position++;
            }
        }
    }
}
