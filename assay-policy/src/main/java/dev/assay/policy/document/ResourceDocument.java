package dev.assay.policy.document;

import dev.assay.policy.admission.AdmissionInput;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * One document of a resource file: a Kubernetes object, an SBOM, a scan result, an attestation.
 *
 * @param source the file it came from
 * @param index 0-based position among the file's documents (empty documents count, as in {@code yq})
 * @param line 1-based line where the document starts
 * @param content the document as JSON-like values: ordered maps, lists, strings, {@code Long}, {@code
 *     Double}, {@code Boolean}, {@code null}
 */
public record ResourceDocument(String source, int index, int line, Map<String, Object> content) {
    /** Built-in kinds that live outside namespaces; they never get a default namespace. */
    private static final Set<String> CLUSTER_SCOPED = Set.of(
            "APIService",
            "CertificateSigningRequest",
            "ClusterRole",
            "ClusterRoleBinding",
            "ComponentStatus",
            "CSIDriver",
            "CSINode",
            "CustomResourceDefinition",
            "IngressClass",
            "MutatingWebhookConfiguration",
            "Namespace",
            "Node",
            "PersistentVolume",
            "PriorityClass",
            "RuntimeClass",
            "StorageClass",
            "ValidatingAdmissionPolicy",
            "ValidatingAdmissionPolicyBinding",
            "ValidatingWebhookConfiguration",
            "VolumeAttachment");

    public ResourceDocument {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(content, "content");
    }

    /**
     * {@code Pod default/web}, {@code Deployment api}, {@code CycloneDX SBOM billing 1.0.0}, {@code SPDX SBOM
     * x}, {@code in-toto statement https://slsa.dev/provenance/v1}, or {@code document 2} when nothing tells.
     */
    public String describe() {
        AdmissionInput input = AdmissionInput.ofManifest(content);
        String kind = input.kind().kind();
        String name = input.namespace().isEmpty() ? input.name() : input.namespace() + "/" + input.name();
        if (kind.isEmpty() && input.name().isEmpty()) {
            return otherDocument();
        }
        return (kind.isEmpty() ? "object" : kind) + (input.name().isEmpty() ? "" : " " + name);
    }

    private String otherDocument() {
        if ("CycloneDX".equals(content.get("bomFormat"))) {
            String subject = text("metadata", "component", "name") + " " + text("metadata", "component", "version");
            return ("CycloneDX SBOM " + subject.strip()).strip();
        }
        if (content.get("spdxVersion") instanceof String) {
            return ("SPDX SBOM " + text("name")).strip();
        }
        if (content.get("_type") instanceof String type && type.startsWith("https://in-toto.io/Statement")) {
            return ("in-toto statement " + text("predicateType")).strip();
        }
        return "document " + index;
    }

    private String text(String... path) {
        Object node = content;
        for (String key : path) {
            node = node instanceof Map<?, ?> map ? map.get(key) : null;
        }
        return node instanceof String text ? text : "";
    }

    /**
     * The document as the API server would review its creation; a namespaced Kubernetes object without a
     * namespace gets {@code defaultNamespace}, as {@code kubectl apply -n} would give it.
     */
    public AdmissionInput admissionInput(String defaultNamespace) {
        AdmissionInput input = AdmissionInput.ofManifest(content);
        if (!input.namespace().isEmpty()
                || defaultNamespace == null
                || defaultNamespace.isEmpty()
                || input.kind().kind().isEmpty()
                || input.kind().version().isEmpty()
                || CLUSTER_SCOPED.contains(input.kind().kind())) {
            return input;
        }
        return new AdmissionInput(
                input.uid(),
                input.operation(),
                input.kind(),
                input.resource(),
                input.subResource(),
                defaultNamespace,
                input.name(),
                input.object(),
                input.oldObject(),
                input.username(),
                input.groups(),
                input.dryRun());
    }
}
