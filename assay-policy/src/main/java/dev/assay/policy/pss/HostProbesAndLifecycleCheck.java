package dev.assay.policy.pss;

import dev.assay.policy.Violation;
import java.util.List;

/** Probes and lifecycle hooks must not reach other hosts through the kubelet. */
public final class HostProbesAndLifecycleCheck implements PodSecurityCheck {
    private static void inspect(Offenders offenders, String where, Object handler) {
        for (String action : List.of("httpGet", "tcpSocket")) {
            String host = Node.string(handler, action, "host");
            if (host != null && !host.isEmpty()) {
                offenders.add(where + " " + action + ".host=" + host);
            }
        }
    }

    @Override
    public String id() {
        return "hostProbesAndHostLifecycle";
    }

    @Override
    public Level level() {
        return Level.BASELINE;
    }

    @Override
    public int since() {
        return 34;
    }

    @Override
    public List<Violation> check(PolicyVersion version, PodInput pod) {
        Offenders offenders = new Offenders(this);
        for (Container c : pod.containers()) {
            for (String probe : List.of("livenessProbe", "readinessProbe", "startupProbe")) {
                inspect(offenders, c.describe() + " " + probe, Node.at(c.fields(), probe));
            }
            for (String hook : List.of("postStart", "preStop")) {
                inspect(offenders, c.describe() + " lifecycle." + hook, Node.at(c.fields(), "lifecycle", hook));
            }
        }
        return offenders.result();
    }
}
