package dev.assay.catalog.python;

import dev.assay.model.UnableToParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.tomlj.Toml;
import org.tomlj.TomlArray;
import org.tomlj.TomlParseError;
import org.tomlj.TomlParseResult;
import org.tomlj.TomlTable;

/**
 * A parsed TOML file as plain maps and lists, with typed accessors that treat a value of the wrong type
 * as absent. Lockfiles are untrusted: a {@code version = 3} or a {@code dependencies = "x"} must not crash
 * a parser, it must read as "no version" or "no dependencies".
 */
final class TomlDocument {
    /** Deeper than any lockfile needs; bounds the recursion that turns tomlj tables into maps. */
    private static final int MAX_DEPTH = 64;

    private TomlDocument() {}

    /** The document as nested maps and lists, or a parse failure naming the file and the first error. */
    static Map<String, Object> parse(String text, String name) {
        TomlParseResult result;
        try {
            result = Toml.parse(text);
        } catch (RuntimeException | StackOverflowError e) {
            throw new UnableToParseException(name + " is not valid TOML: " + e.getMessage(), name, e);
        }
        if (!result.errors().isEmpty()) {
            String first = result.errors().stream()
                    .limit(1)
                    .map(TomlParseError::toString)
                    .collect(Collectors.joining());
            throw new UnableToParseException(name + " is not valid TOML: " + first, name);
        }
        return table(result, name, 0);
    }

    private static Map<String, Object> table(TomlTable table, String name, int depth) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (Map.Entry<String, Object> entry : table.entrySet()) {
            map.put(entry.getKey(), plain(entry.getValue(), name, depth + 1));
        }
        return map;
    }

    private static Object plain(Object value, String name, int depth) {
        if (depth > MAX_DEPTH) {
            throw new UnableToParseException(name + " nests deeper than " + MAX_DEPTH + " levels", name);
        }
        if (value instanceof TomlTable nested) {
            return table(nested, name, depth);
        }
        if (value instanceof TomlArray array) {
            List<Object> list = new ArrayList<>(array.size());
            for (Object element : array.toList()) {
                list.add(plain(element, name, depth + 1));
            }
            return list;
        }
        return value;
    }

    static String string(Map<String, Object> table, String key) {
        return table.get(key) instanceof String value ? value : "";
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> table(Map<String, Object> table, String key) {
        return table.get(key) instanceof Map<?, ?> value ? (Map<String, Object>) value : Map.of();
    }

    static List<Object> list(Map<String, Object> table, String key) {
        return table.get(key) instanceof List<?> value ? List.copyOf(value) : List.of();
    }

    /** The tables in an array of tables, skipping elements of any other type. */
    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> tables(Object value) {
        List<Map<String, Object>> tables = new ArrayList<>();
        if (value instanceof List<?> list) {
            for (Object element : list) {
                if (element instanceof Map<?, ?> map) {
                    tables.add((Map<String, Object>) map);
                }
            }
        }
        return tables;
    }

    static List<String> strings(Object value) {
        List<String> strings = new ArrayList<>();
        if (value instanceof List<?> list) {
            for (Object element : list) {
                if (element instanceof String string) {
                    strings.add(string);
                }
            }
        }
        return strings;
    }
}
