package dev.assay.catalog.python;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The header block of a Python core metadata file ({@code METADATA}, {@code PKG-INFO}): RFC 822 style
 * {@code Name: value} lines up to the first blank line, continuation lines starting with whitespace.
 * Repeated fields ({@code Classifier}, {@code Requires-Dist}) keep every value; field names are matched
 * case-insensitively.
 */
record CoreMetadata(Map<String, List<String>> fields) {
    CoreMetadata {
        fields = Map.copyOf(fields);
    }

    static CoreMetadata parse(String text) {
        Map<String, List<String>> fields = new LinkedHashMap<>();
        List<String> current = null;
        String content = text.startsWith("\uFEFF") ? text.substring(1) : text;
        for (String line : content.split("\r\n|\r|\n", -1)) {
            if (line.isBlank()) {
                break; // the body (long description) follows the first blank line
            }
            if (Character.isWhitespace(line.charAt(0))) {
                if (current != null && !current.isEmpty()) {
                    int last = current.size() - 1;
                    current.set(last, current.get(last) + "\n" + line.strip());
                }
                continue;
            }
            int colon = line.indexOf(':');
            if (colon <= 0) {
                continue;
            }
            String key = line.substring(0, colon).strip().toLowerCase(Locale.ROOT);
            current = fields.computeIfAbsent(key, ignored -> new ArrayList<>());
            current.add(line.substring(colon + 1).strip());
        }
        return new CoreMetadata(fields);
    }

    String first(String field) {
        List<String> values = all(field);
        return values.isEmpty() ? "" : values.getFirst();
    }

    List<String> all(String field) {
        return fields.getOrDefault(field.toLowerCase(Locale.ROOT), List.of());
    }
}
