package dev.assay.policy.hardening;

import dev.assay.model.Severity;
import dev.assay.policy.Violation;
import java.util.ArrayList;
import java.util.List;

/**
 * Containers without CPU and memory requests: the scheduler places them as if they needed nothing, so nodes
 * get overcommitted and such pods are the first evicted. A limit without a request counts as a request
 * (Kubernetes copies it), so only a resource with neither is reported.
 */
final class ResourceRequestsCheck extends SimpleCheck {
    ResourceRequestsCheck() {
        super(
                "container-resource-requests",
                Severity.LOW,
                "Container has no CPU or memory request",
                "Set resources.requests.cpu and resources.requests.memory on every container.");
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
                    if (Fields.string(container.fields(), "resources", "requests", resource) == null
                            && Fields.string(container.fields(), "resources", "limits", resource) == null) {
                        missing.add(container.path() + ".resources.requests." + resource);
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
