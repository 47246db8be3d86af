package dev.assay.policy.hardening;

import dev.assay.model.Severity;
import java.util.Map;

/**
 * Containers without CPU and memory limits: one runaway or compromised container can starve every other
 * pod of its node (and a memory-hungry one gets other pods evicted first).
 */
final class ResourceLimitsCheck extends ContainerResourcesCheck {
    ResourceLimitsCheck() {
        super(
                "container-resource-limits",
                Severity.MEDIUM,
                "Container has no CPU or memory limit",
                "Set resources.limits.cpu and resources.limits.memory on every container.",
                "limits");
    }

    @Override
    boolean declares(Map<?, ?> container, String resource) {
        return Fields.string(container, "resources", "limits", resource) != null;
    }
}
