package dev.assay.policy.pss;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Windows HostProcess containers run with host privileges. */
public final class WindowsHostProcessCheck implements PodSecurityCheck {
    @Override
    public String id() {
        return "windowsHostProcess";
    }

    @Override
    public Level level() {
        return Level.BASELINE;
    }

    @Override
    public Optional<PodSecurityViolation> evaluate(PolicyVersion version, PodInput pod) {
        List<String> setters = new ArrayList<>();
        if (Node.isTrue(pod.podSecurityContext("windowsOptions", "hostProcess"))) {
            setters.add("pod");
        }
        List<String> bad = pod.containers().stream()
                .filter(c -> Node.isTrue(c.securityContext("windowsOptions", "hostProcess")))
                .map(Container::name)
                .toList();
        if (!bad.isEmpty()) {
            setters.add(Wording.containers(bad));
        }
        if (setters.isEmpty()) {
            return Optional.empty();
        }
        return forbidden(
                "hostProcess",
                String.join(" and ", setters) + " must not set securityContext.windowsOptions.hostProcess=true");
    }
}
