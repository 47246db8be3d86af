package dev.assay.engine.k8s;

import java.util.Map;
import java.util.Objects;

/**
 * One Kubernetes object read from a manifest, with where it was found.
 *
 * @param file the file as given or found; {@code -} for standard input
 * @param document the document's position in the file from 1, empty documents not counted
 * @param item the position inside a {@code kind: List} (or {@code PodList}...) from 1; 0 for a document that
 *     is itself the object
 * @param line the line the object starts at, from 1
 * @param source where the object came from before rendering: a Helm {@code # Source:} template or a
 *     Kustomize {@code config.kubernetes.io/origin} path; empty when the file does not say
 * @param object the object as loaded (text scalars from YAML, typed scalars from JSON)
 */
public record ManifestDocument(
        String file, int document, int item, int line, String source, Map<String, Object> object) {
    public ManifestDocument {
        Objects.requireNonNull(file, "file");
        source = source == null ? "" : source;
        Objects.requireNonNull(object, "object");
    }

    public String apiVersion() {
        return text(object.get("apiVersion"));
    }

    public String kind() {
        return text(object.get("kind"));
    }

    public String namespace() {
        return object.get("metadata") instanceof Map<?, ?> metadata ? text(metadata.get("namespace")) : "";
    }

    public String name() {
        return object.get("metadata") instanceof Map<?, ?> metadata ? text(metadata.get("name")) : "";
    }

    private static String text(Object value) {
        return value == null || value instanceof Map || value instanceof Iterable ? "" : String.valueOf(value);
    }
}
