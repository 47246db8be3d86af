package dev.assay.policy.pss;

import java.util.Objects;

/**
 * One object of a manifest and what Pod Security makes of it: a pod to evaluate, an object Pod Security
 * does not apply to (a Service, a ConfigMap), or a document that cannot be read as the object it claims to be.
 *
 * @param index the document's position in the YAML stream, counting from 0 as yq's {@code documentIndex}
 *     does
 * @param item the position in the {@code items} of a {@code kind: List} document, or -1
 * @param kind the object's kind, empty when it has none
 * @param name {@code metadata.name}, empty when unset
 * @param namespace {@code metadata.namespace}, empty when unset
 */
public record PodDocument(int index, int item, String kind, String name, String namespace, Content content) {
    public PodDocument {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(namespace, "namespace");
        Objects.requireNonNull(content, "content");
    }

    /** What the document holds for Pod Security. */
    public sealed interface Content permits Pod, Skipped, Invalid {}

    /** A Pod, or a workload's pod template, to evaluate. */
    public record Pod(PodInput pod) implements Content {}

    /** An object Pod Security does not apply to; pod-security-admission lets it through. */
    public record Skipped(String reason) implements Content {}

    /** A document that is not a readable Kubernetes object, or a pod or workload without a usable spec. */
    public record Invalid(String reason) implements Content {}

    /** {@code Deployment/web}, {@code Pod}, or the empty string when the document has no kind. */
    public String describe() {
        return name.isEmpty() ? kind : kind + "/" + name;
    }
}
