package dev.assay.policy.pss;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Probes and lifecycle hooks must not reach other hosts through the kubelet (from v1.34). */
public final class HostProbesAndLifecycleCheck implements PodSecurityCheck {
    private static void inspect(Object handler, List<String> hosts) {
        for (String action : List.of("httpGet", "tcpSocket")) {
            String host = Node.text(Node.object(handler, action), "host");
            if (!host.isEmpty()) {
                hosts.add(host);
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
    public Optional<PodSecurityViolation> evaluate(PolicyVersion version, PodInput pod) {
        List<String> bad = new ArrayList<>();
        List<String> forbidden = new ArrayList<>();
        for (Container c : pod.containers()) {
            List<String> hosts = new ArrayList<>();
            for (String probe : List.of("livenessProbe", "readinessProbe", "startupProbe")) {
                inspect(Node.object(c.fields(), probe), hosts);
            }
            for (String hook : List.of("postStart", "preStop")) {
                inspect(Node.object(c.fields(), "lifecycle", hook), hosts);
            }
            if (!hosts.isEmpty()) {
                bad.add(c.name());
                forbidden.addAll(hosts);
            }
        }
        if (bad.isEmpty()) {
            return Optional.empty();
        }
        // Unlike the other checks, PSA keeps these containers in a set: sorted and distinct.
        List<String> containers = Wording.sorted(bad);
        List<String> hosts = Wording.sorted(forbidden);
        return forbidden(
                "probe or lifecycle host",
                Wording.containers(containers) + " " + Wording.pluralize("uses", "use", containers.size()) + " "
                        + Wording.pluralize("probe or lifecycle host", "probe or lifecycle hosts", hosts.size()) + " "
                        + Wording.joinQuote(hosts));
    }
}
