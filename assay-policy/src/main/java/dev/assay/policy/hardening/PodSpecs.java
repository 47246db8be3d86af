package dev.assay.policy.hardening;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Finds the pod spec of a Pod or of a workload's pod template, with the path messages name it by ({@code
 * spec.template.spec}). Kinds are matched by name alone, as pod-security-admission matches them.
 */
final class PodSpecs {
    static final Set<String> KINDS = Set.of(
            "Pod",
            "PodTemplate",
            "Deployment",
            "ReplicaSet",
            "StatefulSet",
            "DaemonSet",
            "Job",
            "CronJob",
            "ReplicationController");

    private PodSpecs() {}

    /** A pod spec and where it sits in its object. */
    record PodSpec(String path, Map<?, ?> spec) {}

    /** One container of a pod spec: its list ({@code containers}), position, name and fields. */
    record ContainerAt(String path, String list, String name, Map<?, ?> fields) {
        String describe() {
            String kind = switch (list) {
                case "initContainers" -> "init container";
                case "ephemeralContainers" -> "ephemeral container";
                default -> "container";
            };
            return kind + " " + Fields.quote(name);
        }
    }

    static boolean hasPodSpec(KubeObject object) {
        return KINDS.contains(object.kind());
    }

    static Optional<PodSpec> of(KubeObject object) {
        String[] path = switch (object.kind()) {
            case "Pod" -> new String[] {"spec"};
            case "PodTemplate" -> new String[] {"template", "spec"};
            case "CronJob" -> new String[] {"spec", "jobTemplate", "spec", "template", "spec"};
            default -> hasPodSpec(object) ? new String[] {"spec", "template", "spec"} : null;
        };
        if (path == null || !(Fields.at(object.fields(), path) instanceof Map<?, ?> spec)) {
            return Optional.empty();
        }
        return Optional.of(new PodSpec(String.join(".", path), spec));
    }

    /** Init and regular containers, and ephemeral ones when asked (they have no resources, but have env). */
    static List<ContainerAt> containers(PodSpec pod, boolean withEphemeral) {
        List<ContainerAt> containers = new ArrayList<>();
        List<String> lists = withEphemeral
                ? List.of("initContainers", "containers", "ephemeralContainers")
                : List.of("initContainers", "containers");
        for (String list : lists) {
            List<?> entries = Fields.list(pod.spec(), list);
            for (int index = 0; index < entries.size(); index++) {
                if (entries.get(index) instanceof Map<?, ?> container) {
                    containers.add(new ContainerAt(
                            pod.path() + "." + list + "[" + index + "]",
                            list,
                            Objects.requireNonNullElse(Fields.string(container, "name"), ""),
                            container));
                }
            }
        }
        return containers;
    }
}
