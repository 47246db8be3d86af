package dev.assay.policy.admission;

import java.util.Objects;

/**
 * One RFC 6902 operation of a mutation, as the mutating webhook returns it in {@code response.patch}.
 *
 * @param op {@code add}, {@code replace}, {@code remove} or {@code test}
 * @param path an RFC 6901 JSON pointer into the reviewed object
 * @param value the new value ({@code null} for {@code remove})
 */
public record JsonPatchOperation(String op, String path, Object value) {
    public JsonPatchOperation {
        Objects.requireNonNull(op, "op");
        Objects.requireNonNull(path, "path");
    }

    public static JsonPatchOperation replace(String path, Object value) {
        return new JsonPatchOperation("replace", path, value);
    }

    /** Escapes one path segment per RFC 6901 ({@code ~} and {@code /}). */
    public static String escape(String segment) {
        return segment.replace("~", "~0").replace("/", "~1");
    }
}
