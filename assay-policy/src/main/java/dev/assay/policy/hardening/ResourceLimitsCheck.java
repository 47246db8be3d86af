package dev.assay.policy.hardening;

import dev.assay.model.Severity;
import dev.assay.policy.Violation;
import java.util.ArrayList;
import java.util.List;

/**
 * Containers without CPU and memory limits: one runaway or compromised container can starve every other
 * pod of its node (and a memory-hungry one gets other pods evicted first).
 */
final class ResourceLimitsCheck extends SimpleCheck {
    ResourceLimitsCheck() {
        super(
                "container-resource-limits",
                Severity.MEDIUM,
                "Container has no CPU or memory limit",
                "Set resources.limits.cpu and resources.limits.memory on every container.");
    }

    @Override
    public boolean appliesTo(KubeObject object) {
        return PodSpecs.hasPodSpec(object);
    }

    @Override
    public List<Violation> check(KubeObject object) {
        List<Violation> violations = new ArrayList<>();
        PodSpecs.of(object).ifPresent(pod -> {
            for (PodSpecs.ContainerAt container : PodSpecs.containers(pod, false)) {
                List<String> missing = new ArrayList<>();
                for (String resource : List.of("cpu", "memory")) {
                    if (Fields.string(container.fields(), "resources", "limits", resource) == null) {
                        missing.add(container.path() + ".resources.limits." + resource);
                    }
                }
                if (!missing.isEmpty()) {
                    violations.add(violation(container.describe() + " sets no " + String.join(" or ", missing)));
                }
            }
        });
        return List.copyOf(violations);
    }
}
