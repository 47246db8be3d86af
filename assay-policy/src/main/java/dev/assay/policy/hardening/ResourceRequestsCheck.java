package dev.assay.policy.hardening;

import dev.assay.model.Severity;
import java.util.Map;

/**
 * Containers without CPU and memory requests: the scheduler places them as if they needed nothing, so nodes
 * get overcommitted and such pods are the first evicted. A limit without a request counts as a request
 * (Kubernetes copies it), so only a resource with neither is reported.
 */
final class ResourceRequestsCheck extends ContainerResourcesCheck {
    ResourceRequestsCheck() {
        super(
                "container-resource-requests",
                Severity.LOW,
                "Container has no CPU or memory request",
                "Set resources.requests.cpu and resources.requests.memory on every container.",
                "requests");
    }

    @Override
    boolean declares(Map<?, ?> container, String resource) {
        return Fields.string(container, "resources", "requests", resource) != null
                || Fields.string(container, "resources", "limits", resource) != null;
    }
}
