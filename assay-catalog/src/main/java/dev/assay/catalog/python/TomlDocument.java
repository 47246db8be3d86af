package dev.assay.catalog.python;

import dev.assay.model.untrusted.SafeToml;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A parsed TOML file as plain maps and lists ({@link SafeToml}), with typed accessors that treat a value of
 * the wrong type as absent. Lockfiles are untrusted: a {@code version = 3} or a {@code dependencies = "x"}
 * must not crash a parser, it must read as "no version" or "no dependencies".
 */
final class TomlDocument {
    private TomlDocument() {}

    /** The document as nested maps and lists, or a parse failure naming the file and the first error. */
    static Map<String, Object> parse(String text, String name) {
        return SafeToml.load(text, name);
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
