package dev.assay.policy.pss;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** No pod or container may run as uid 0. */
public final class RunAsUserCheck implements PodSecurityCheck {
    /** Zero as kubectl would send it: {@code 0}, {@code 0x0}, {@code 0.0} and the other YAML 1.1 spellings. */
    private static boolean root(Object value) {
        BigInteger uid = Node.integer(value);
        return uid != null && uid.signum() == 0;
    }

    @Override
    public String id() {
        return "runAsUser";
    }

    @Override
    public Level level() {
        return Level.RESTRICTED;
    }

    @Override
    public int since() {
        return 23;
    }

    @Override
    public Optional<PodSecurityViolation> evaluate(PolicyVersion version, PodInput pod) {
        if (UserNamespaces.relaxes(version, pod)) {
            return Optional.empty();
        }
        List<String> setters = new ArrayList<>();
        if (root(pod.podSecurityContext("runAsUser"))) {
            setters.add("pod");
        }
        List<String> bad = pod.containers().stream()
                .filter(c -> root(c.securityContext("runAsUser")))
                .map(Container::name)
                .toList();
        if (!bad.isEmpty()) {
            setters.add(Wording.containers(bad));
        }
        if (setters.isEmpty()) {
            return Optional.empty();
        }
        return forbidden("runAsUser=0", String.join(" and ", setters) + " must not set runAsUser=0");
    }
}
