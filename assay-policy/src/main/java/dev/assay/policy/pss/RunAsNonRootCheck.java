package dev.assay.policy.pss;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Containers must run as non-root: set at pod level or on every container, and never set to false. */
public final class RunAsNonRootCheck implements PodSecurityCheck {
    @Override
    public String id() {
        return "runAsNonRoot";
    }

    @Override
    public Level level() {
        return Level.RESTRICTED;
    }

    @Override
    public Optional<PodSecurityViolation> evaluate(PolicyVersion version, PodInput pod) {
        if (UserNamespaces.relaxes(version, pod)) {
            return Optional.empty();
        }
        List<String> setters = new ArrayList<>();
        Object podValue = pod.podSecurityContext("runAsNonRoot");
        if (Node.isFalse(podValue)) {
            setters.add("pod");
        }
        // Text that is neither true nor false would not reach PSA at all; here it counts as unset.
        boolean podNonRoot = Node.isTrue(podValue);
        List<String> explicitlyBad = new ArrayList<>();
        List<String> implicitlyBad = new ArrayList<>();
        for (Container c : pod.containers()) {
            Object value = c.securityContext("runAsNonRoot");
            if (Node.isFalse(value)) {
                explicitlyBad.add(c.name());
            } else if (!Node.isTrue(value) && !podNonRoot) {
                implicitlyBad.add(c.name());
            }
        }
        if (!explicitlyBad.isEmpty()) {
            setters.add(Wording.containers(explicitlyBad));
        }
        // An explicit false is reported alone; containers relying on a missing pod default come second.
        if (!setters.isEmpty()) {
            return forbidden(
                    "runAsNonRoot != true",
                    String.join(" and ", setters) + " must not set securityContext.runAsNonRoot=false");
        }
        if (!implicitlyBad.isEmpty()) {
            return forbidden(
                    "runAsNonRoot != true",
                    "pod or " + Wording.containers(implicitlyBad) + " must set securityContext.runAsNonRoot=true");
        }
        return Optional.empty();
    }
}
