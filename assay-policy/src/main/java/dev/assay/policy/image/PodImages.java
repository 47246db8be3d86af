package dev.assay.policy.image;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The image fields of a Kubernetes object: a Pod's containers, init containers and ephemeral containers,
 * or those of the pod template of a workload (Deployment, ReplicaSet, StatefulSet, DaemonSet, Job,
 * ReplicationController, CronJob, PodTemplate), each with its JSON pointer so a mutation can address it.
 * Objects of other kinds have no images.
 */
public record PodImages(List<ImageField> images) {
    /** Container lists in the order the kubelet starts them. */
    private static final List<String[]> CONTAINER_LISTS = List.of(
            new String[] {"initContainers", "initContainer"},
            new String[] {"containers", "container"},
            new String[] {"ephemeralContainers", "ephemeralContainer"});

    public PodImages {
        images = List.copyOf(images);
    }

    /** Whether objects of this kind carry a pod spec whose images this pack checks. */
    public static boolean hasPodSpec(String kind) {
        return podSpecPath(kind).isPresent();
    }

    /** The images of {@code object}; empty for kinds without a pod spec or a spec that is not a map. */
    public static PodImages of(Map<?, ?> object) {
        String kind = object.get("kind") instanceof String text ? text : "";
        Optional<List<String>> path = podSpecPath(kind);
        if (path.isEmpty()) {
            return new PodImages(List.of());
        }
        Object spec = object;
        StringBuilder pointer = new StringBuilder();
        for (String key : path.get()) {
            spec = spec instanceof Map<?, ?> map ? map.get(key) : null;
            pointer.append('/').append(key);
        }
        if (!(spec instanceof Map<?, ?> podSpec)) {
            return new PodImages(List.of());
        }
        List<ImageField> images = new ArrayList<>();
        for (String[] list : CONTAINER_LISTS) {
            if (!(podSpec.get(list[0]) instanceof List<?> containers)) {
                continue;
            }
            for (int i = 0; i < containers.size(); i++) {
                if (containers.get(i) instanceof Map<?, ?> container
                        && container.get("image") instanceof String image) {
                    String name = container.get("name") instanceof String text ? text : "";
                    images.add(ImageField.of(list[1], name, image, pointer + "/" + list[0] + "/" + i + "/image"));
                }
            }
        }
        return new PodImages(images);
    }

    private static Optional<List<String>> podSpecPath(String kind) {
        return switch (kind) {
            case "Pod" -> Optional.of(List.of("spec"));
            case "PodTemplate" -> Optional.of(List.of("template", "spec"));
            case "Deployment", "ReplicaSet", "StatefulSet", "DaemonSet", "Job", "ReplicationController" ->
                Optional.of(List.of("spec", "template", "spec"));
            case "CronJob" -> Optional.of(List.of("spec", "jobTemplate", "spec", "template", "spec"));
            default -> Optional.empty();
        };
    }

    /** Only the fields whose repository the patterns cover; an unreadable reference is covered by every policy. */
    public PodImages coveredBy(List<ImageGlob> patterns) {
        return new PodImages(images.stream()
                .filter(field -> field.repositoryName()
                        .map(name -> patterns.stream().anyMatch(pattern -> pattern.matches(name)))
                        .orElse(true))
                .toList());
    }
}
