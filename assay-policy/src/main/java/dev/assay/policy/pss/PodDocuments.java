package dev.assay.policy.pss;

import dev.assay.model.InvalidInputException;
import dev.assay.model.untrusted.SafeYaml;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads Kubernetes manifests (YAML or JSON, one or more documents, {@code kind: List} included) through the
 * hardened YAML reader and finds the pod in each object: a Pod's own spec, or the pod template of a workload.
 */
public final class PodDocuments {
    private static final List<String> POD_METADATA = List.of("metadata");
    private static final List<String> POD_SPEC = List.of("spec");
    private static final List<String> TEMPLATE_METADATA = List.of("spec", "template", "metadata");
    private static final List<String> TEMPLATE_SPEC = List.of("spec", "template", "spec");
    private static final List<String> JOB_TEMPLATE_METADATA =
            List.of("spec", "jobTemplate", "spec", "template", "metadata");
    private static final List<String> JOB_TEMPLATE_SPEC = List.of("spec", "jobTemplate", "spec", "template", "spec");

    private PodDocuments() {}

    /**
     * Every object of {@code content}, in order, each classified on its own: one bad document does not hide
     * the others. An empty document is left out but keeps its place in the numbering.
     *
     * @throws InvalidInputException when {@code content} is not YAML at all, or is hostile (alias bomb,
     *     excessive nesting); YAML cannot be read past a syntax error, so the whole file fails
     */
    public static List<PodDocument> read(String content, String name) {
        List<Object> documents = SafeYaml.loadAll(content, name);
        List<PodDocument> read = new ArrayList<>();
        for (int index = 0; index < documents.size(); index++) {
            Object document = documents.get(index);
            if (document == null) {
                continue;
            }
            if ("List".equals(Node.string(document, "kind")) && Node.at(document, "items") instanceof List<?> items) {
                for (int item = 0; item < items.size(); item++) {
                    read.add(classify(items.get(item), index, item));
                }
            } else {
                read.add(classify(document, index, -1));
            }
        }
        return List.copyOf(read);
    }

    /** The pods of every document in {@code content}; anything that is not a pod or workload is rejected. */
    public static List<PodInput> parse(String content, String name) {
        List<PodInput> pods = new ArrayList<>();
        for (PodDocument document : read(content, name)) {
            switch (document.content()) {
                case PodDocument.Pod pod -> pods.add(pod.pod());
                case PodDocument.Skipped skipped ->
                    throw new InvalidInputException(name + ": " + skipped.reason(), name);
                case PodDocument.Invalid invalid ->
                    throw new InvalidInputException(name + ": " + invalid.reason(), name);
            }
        }
        if (pods.isEmpty()) {
            throw new InvalidInputException(name + " contains no Kubernetes object", name);
        }
        return List.copyOf(pods);
    }

    /** The pod of one object, for callers (the admission webhook) that handle a single object. */
    public static PodInput podOf(Object document, String name) {
        return switch (classify(document, 0, -1).content()) {
            case PodDocument.Pod pod -> pod.pod();
            case PodDocument.Skipped skipped -> throw new InvalidInputException(name + ": " + skipped.reason(), name);
            case PodDocument.Invalid invalid -> throw new InvalidInputException(name + ": " + invalid.reason(), name);
        };
    }

    private static PodDocument classify(Object document, int index, int item) {
        if (!(document instanceof Map<?, ?> object)) {
            return new PodDocument(index, item, "", "", "", new PodDocument.Invalid("not a Kubernetes object"));
        }
        String kind = Node.text(object, "kind");
        String objectName = Node.text(object, "metadata", "name");
        String namespace = Node.text(object, "metadata", "namespace");
        PodDocument.Content content = kind.isEmpty()
                ? new PodDocument.Invalid("no kind: not a Kubernetes object")
                : switch (kind) {
                    case "Pod" -> pod(object, POD_METADATA, POD_SPEC);
                    case "Deployment", "ReplicaSet", "StatefulSet", "DaemonSet", "Job", "ReplicationController" ->
                        pod(object, TEMPLATE_METADATA, TEMPLATE_SPEC);
                    case "CronJob" -> pod(object, JOB_TEMPLATE_METADATA, JOB_TEMPLATE_SPEC);
                    default -> new PodDocument.Skipped(kind + " is not a Pod or a workload with a pod template");
                };
        return new PodDocument(index, item, kind, objectName, namespace, content);
    }

    private static PodDocument.Content pod(Map<?, ?> object, List<String> metadataPath, List<String> specPath) {
        Object metadata = Node.at(object, metadataPath.toArray(String[]::new));
        Object spec = Node.at(object, specPath.toArray(String[]::new));
        boolean metadataSet = metadata instanceof List || Node.string(metadata) != null;
        if (metadataSet && !(metadata instanceof Map)) {
            return new PodDocument.Invalid(String.join(".", metadataPath) + " is not a map");
        }
        if (!(spec instanceof Map<?, ?> specMap)) {
            return new PodDocument.Invalid(String.join(".", specPath) + " is missing or not a map");
        }
        return new PodDocument.Pod(new PodInput(metadata instanceof Map<?, ?> map ? map : null, specMap));
    }
}
