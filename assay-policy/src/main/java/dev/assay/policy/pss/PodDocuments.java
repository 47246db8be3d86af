package dev.assay.policy.pss;

import dev.assay.model.InvalidInputException;
import dev.assay.model.untrusted.SafeYaml;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads Kubernetes manifests (YAML or JSON, one or more documents) through the hardened YAML reader and
 * finds the pod in each: a Pod's own spec, or the pod template of a workload.
 */
public final class PodDocuments {
    private PodDocuments() {}

    /** The pods of every document in {@code content}; anything that is not a pod or workload is rejected. */
    public static List<PodInput> parse(String content, String name) {
        List<PodInput> pods = new ArrayList<>();
        for (Object document : SafeYaml.loadAll(content, name)) {
            if (document == null) {
                continue;
            }
            pods.add(podOf(document, name));
        }
        if (pods.isEmpty()) {
            throw new InvalidInputException(name + " contains no Kubernetes object", name);
        }
        return List.copyOf(pods);
    }

    static PodInput podOf(Object document, String name) {
        if (!(document instanceof Map<?, ?> object)) {
            throw new InvalidInputException(name + " is not a Kubernetes object", name);
        }
        String kind = Node.string(object, "kind");
        if (kind == null) {
            throw new InvalidInputException(name + " has no kind: not a Kubernetes object", name);
        }
        return switch (kind) {
            case "Pod" -> pod(object, name, List.of("metadata"), List.of("spec"));
            case "Deployment", "ReplicaSet", "StatefulSet", "DaemonSet", "Job", "ReplicationController" ->
                pod(object, name, List.of("spec", "template", "metadata"), List.of("spec", "template", "spec"));
            case "CronJob" ->
                pod(
                        object,
                        name,
                        List.of("spec", "jobTemplate", "spec", "template", "metadata"),
                        List.of("spec", "jobTemplate", "spec", "template", "spec"));
            default ->
                throw new InvalidInputException(
                        name + " is a " + kind + ", not a Pod or a workload with a pod template", name);
        };
    }

    private static PodInput pod(Map<?, ?> object, String name, List<String> metadataPath, List<String> specPath) {
        Object metadata = Node.at(object, metadataPath.toArray(String[]::new));
        Object spec = Node.at(object, specPath.toArray(String[]::new));
        if (metadata != null && !(metadata instanceof Map)) {
            throw new InvalidInputException(name + ": " + String.join(".", metadataPath) + " is not a map", name);
        }
        if (!(spec instanceof Map<?, ?> specMap)) {
            throw new InvalidInputException(
                    name + ": " + String.join(".", specPath) + " is missing or not a map", name);
        }
        return new PodInput((Map<?, ?>) metadata, specMap);
    }
}
