package dev.assay.engine.admission;

import dev.assay.model.InvalidInputException;
import dev.assay.policy.admission.JsonPatchOperation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Applies RFC 6902 JSON patches to objects loaded as maps and lists. The mutating webhook applies each
 * mutator's patch before the next mutator runs, so every mutator sees the object as the API server will
 * after the patches before it, and the concatenated patch is valid when the API server applies it in order.
 * The input is never modified: the result is a copy.
 */
public final class JsonPatches {
    private JsonPatches() {}

    /**
     * The object after the patch.
     *
     * @throws InvalidInputException when an operation does not apply (a missing path, a failed test)
     */
    public static Map<String, Object> apply(Map<String, Object> object, List<JsonPatchOperation> patch) {
        Object document = deepCopy(object);
        for (JsonPatchOperation operation : patch) {
            document = apply(document, operation);
        }
        if (!(document instanceof Map<?, ?>)) {
            throw new InvalidInputException("the patch replaces the object with a non-object", "patch");
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> result = (Map<String, Object>) document;
        return result;
    }

    private static Object apply(Object document, JsonPatchOperation operation) {
        List<String> path = parse(operation.path());
        return switch (operation.op()) {
            case "add" -> add(document, path, deepCopy(operation.value()), operation);
            case "replace" -> {
                Object removed = remove(document, path, operation);
                yield removed == REPLACED_ROOT
                        ? deepCopy(operation.value())
                        : add(document, path, deepCopy(operation.value()), operation);
            }
            case "remove" -> {
                Object removed = remove(document, path, operation);
                yield removed == REPLACED_ROOT ? null : document;
            }
            case "test" -> {
                if (!Objects.equals(normalized(get(document, path, operation)), normalized(operation.value()))) {
                    throw failed(operation, "the value differs");
                }
                yield document;
            }
            default -> throw failed(operation, "unsupported operation '" + operation.op() + "'");
        };
    }

    /** Marks that a remove addressed the whole document. */
    private static final Object REPLACED_ROOT = new Object();

    private static Object add(Object document, List<String> path, Object value, JsonPatchOperation operation) {
        if (path.isEmpty()) {
            return value;
        }
        Object parent = get(document, path.subList(0, path.size() - 1), operation);
        String last = path.get(path.size() - 1);
        if (parent instanceof Map<?, ?> map) {
            @SuppressWarnings("unchecked")
            Map<String, Object> target = (Map<String, Object>) map;
            target.put(last, value);
        } else if (parent instanceof List<?> list) {
            @SuppressWarnings("unchecked")
            List<Object> target = (List<Object>) list;
            int index = "-".equals(last) ? target.size() : index(last, target.size() + 1, operation);
            target.add(index, value);
        } else {
            throw failed(operation, "the parent is not an object or array");
        }
        return document;
    }

    private static Object remove(Object document, List<String> path, JsonPatchOperation operation) {
        if (path.isEmpty()) {
            return REPLACED_ROOT;
        }
        Object parent = get(document, path.subList(0, path.size() - 1), operation);
        String last = path.get(path.size() - 1);
        if (parent instanceof Map<?, ?> map) {
            if (!map.containsKey(last)) {
                throw failed(operation, "no member '" + last + "'");
            }
            return map.remove(last);
        }
        if (parent instanceof List<?> list) {
            return list.remove(index(last, list.size(), operation));
        }
        throw failed(operation, "the parent is not an object or array");
    }

    private static Object get(Object document, List<String> path, JsonPatchOperation operation) {
        Object current = document;
        for (String segment : path) {
            if (current instanceof Map<?, ?> map) {
                if (!map.containsKey(segment)) {
                    throw failed(operation, "no member '" + segment + "'");
                }
                current = map.get(segment);
            } else if (current instanceof List<?> list) {
                current = list.get(index(segment, list.size(), operation));
            } else {
                throw failed(operation, "'" + segment + "' is below a value that is not an object or array");
            }
        }
        return current;
    }

    private static int index(String segment, int bound, JsonPatchOperation operation) {
        if (!segment.matches("0|[1-9][0-9]{0,8}")) {
            throw failed(operation, "'" + segment + "' is not an array index");
        }
        int index = Integer.parseInt(segment);
        if (index >= bound) {
            throw failed(operation, "index " + index + " is out of bounds");
        }
        return index;
    }

    /** The reference tokens of an RFC 6901 pointer. */
    static List<String> parse(String pointer) {
        if (pointer.isEmpty()) {
            return List.of();
        }
        if (pointer.charAt(0) != '/') {
            throw new InvalidInputException("JSON pointer '" + pointer + "' does not start with '/'", pointer);
        }
        List<String> tokens = new ArrayList<>();
        for (String raw : pointer.substring(1).split("/", -1)) {
            tokens.add(raw.replace("~1", "/").replace("~0", "~"));
        }
        return tokens;
    }

    /** Integers compare by value: a mutator's {@code 1000} and a parsed {@code 1000L} are the same JSON. */
    private static Object normalized(Object value) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> copy = new LinkedHashMap<>();
            map.forEach((key, child) -> copy.put(String.valueOf(key), normalized(child)));
            return copy;
        }
        if (value instanceof List<?> list) {
            return list.stream().map(JsonPatches::normalized).toList();
        }
        if (value instanceof Number number && !(value instanceof Double) && !(value instanceof Float)) {
            return number.longValue();
        }
        return value;
    }

    static Object deepCopy(Object value) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> copy = new LinkedHashMap<>(Math.max(4, map.size() * 2));
            map.forEach((key, child) -> copy.put(String.valueOf(key), deepCopy(child)));
            return copy;
        }
        if (value instanceof List<?> list) {
            List<Object> copy = new ArrayList<>(list.size());
            list.forEach(child -> copy.add(deepCopy(child)));
            return copy;
        }
        return value;
    }

    private static InvalidInputException failed(JsonPatchOperation operation, String why) {
        return new InvalidInputException(
                "patch operation " + operation.op() + " " + operation.path() + " does not apply: " + why,
                operation.path());
    }
}
