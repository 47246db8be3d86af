package dev.assay.policy.hardening;

import dev.assay.model.Severity;
import dev.assay.policy.Violation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Containers that leave CPU or memory unset in one section of {@code resources} ({@code limits},
 * {@code requests}); each container is reported once, naming every field it misses.
 */
abstract class ContainerResourcesCheck extends SimpleCheck {
    private static final List<String> RESOURCES = List.of("cpu", "memory");

    private final String section;

    ContainerResourcesCheck(String id, Severity severity, String title, String remediation, String section) {
        super(id, severity, title, remediation);
        this.section = section;
    }

    /** Whether the container's fields settle {@code resource} for this check. */
    abstract boolean declares(Map<?, ?> container, String resource);

    @Override
    public final boolean appliesTo(KubeObject object) {
        return PodSpecs.hasPodSpec(object);
    }

    @Override
    public final List<Violation> check(KubeObject object) {
        List<Violation> violations = new ArrayList<>();
        PodSpecs.of(object).ifPresent(pod -> {
            for (PodSpecs.ContainerAt container : PodSpecs.containers(pod, false)) {
                List<String> missing = new ArrayList<>();
                for (String resource : RESOURCES) {
                    if (!declares(container.fields(), resource)) {
                        missing.add(container.path() + ".resources." + section + "." + resource);
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
