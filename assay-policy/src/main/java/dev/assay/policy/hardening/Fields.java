package dev.assay.policy.hardening;

import java.util.List;
import java.util.Map;

/** Read-only navigation of loaded manifests (maps, lists, scalars), tolerating absent or mistyped fields. */
final class Fields {
    private Fields() {}

    static Object at(Object root, String... path) {
        Object current = root;
        for (String key : path) {
            if (!(current instanceof Map<?, ?> map)) {
                return null;
            }
            current = map.get(key);
        }
        return current;
    }

    static Map<?, ?> map(Object root, String... path) {
        return at(root, path) instanceof Map<?, ?> map ? map : Map.of();
    }

    static List<?> list(Object root, String... path) {
        return at(root, path) instanceof List<?> list ? list : List.of();
    }

    /** A scalar as text ({@code false} from YAML and from JSON alike); null when absent or not a scalar. */
    static String string(Object root, String... path) {
        Object value = at(root, path);
        return value == null || value instanceof Map || value instanceof List ? null : String.valueOf(value);
    }

    /**
     * The strings of a list field. A lone scalar where a list belongs counts as a one-element list: the API
     * server would reject it, but a check must not miss {@code verbs: "*"} because of the wrong shape.
     */
    static List<String> strings(Object root, String... path) {
        Object value = at(root, path);
        if (value instanceof List<?> list) {
            return list.stream()
                    .filter(item -> item != null && !(item instanceof Map) && !(item instanceof List))
                    .map(String::valueOf)
                    .toList();
        }
        String scalar = string(root, path);
        return scalar == null ? List.of() : List.of(scalar);
    }

    static boolean isFalse(Object root, String... path) {
        return "false".equalsIgnoreCase(string(root, path));
    }

    static boolean isTrue(Object root, String... path) {
        return "true".equalsIgnoreCase(string(root, path));
    }

    /** Text quoted for a message: names from manifests may hold anything, so they are always quoted. */
    static String quote(String text) {
        return "\"" + (text == null ? "" : text) + "\"";
    }
}
