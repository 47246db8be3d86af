package dev.assay.policy.pss;

import java.util.List;
import java.util.Map;

/** Read-only navigation of loaded YAML (maps, lists and strings), tolerating absent or mistyped fields. */
final class Node {
    private Node() {}

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

    static String string(Object root, String... path) {
        Object value = at(root, path);
        return value == null ? null : String.valueOf(value);
    }

    /** Kubernetes booleans; the failsafe YAML schema keeps them as text. */
    static boolean isTrue(Object root, String... path) {
        return "true".equalsIgnoreCase(string(root, path));
    }

    static boolean isFalse(Object root, String... path) {
        return "false".equalsIgnoreCase(string(root, path));
    }

    static boolean present(Object root, String... path) {
        return at(root, path) != null;
    }
}
