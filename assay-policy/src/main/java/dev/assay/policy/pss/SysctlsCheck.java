package dev.assay.policy.pss;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Only namespaced, node-safe sysctls; the allow-list grows with the policy version. */
public final class SysctlsCheck implements PodSecurityCheck {
    private static final Map<String, Integer> ALLOWED_SINCE = Map.ofEntries(
            Map.entry("kernel.shm_rmid_forced", 0),
            Map.entry("net.ipv4.ip_local_port_range", 0),
            Map.entry("net.ipv4.tcp_syncookies", 0),
            Map.entry("net.ipv4.ping_group_range", 0),
            Map.entry("net.ipv4.ip_unprivileged_port_start", 0),
            Map.entry("net.ipv4.ip_local_reserved_ports", 27),
            Map.entry("net.ipv4.tcp_keepalive_time", 29),
            Map.entry("net.ipv4.tcp_fin_timeout", 29),
            Map.entry("net.ipv4.tcp_keepalive_intvl", 29),
            Map.entry("net.ipv4.tcp_keepalive_probes", 29),
            Map.entry("net.ipv4.tcp_rmem", 32),
            Map.entry("net.ipv4.tcp_wmem", 32),
            Map.entry("net.ipv4.tcp_slow_start_after_idle", 37),
            Map.entry("net.ipv4.tcp_notsent_lowat", 37));

    static boolean allowed(PolicyVersion version, String name) {
        Integer since = name == null ? null : ALLOWED_SINCE.get(name);
        return since != null && version.atLeast(since);
    }

    @Override
    public String id() {
        return "sysctls";
    }

    @Override
    public Level level() {
        return Level.BASELINE;
    }

    @Override
    public Optional<PodSecurityViolation> evaluate(PolicyVersion version, PodInput pod) {
        List<String> forbidden = new ArrayList<>();
        for (Object sysctl : Node.list(pod.podSecurityContext("sysctls"))) {
            String name = Node.text(sysctl, "name");
            if (!allowed(version, name)) {
                forbidden.add(name);
            }
        }
        // In the pod's order, repeats included, as PSA lists them.
        return forbidden.isEmpty() ? Optional.empty() : forbidden("forbidden sysctls", String.join(", ", forbidden));
    }
}
