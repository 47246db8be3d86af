package dev.assay.policy.pss;

import dev.assay.policy.Violation;
import java.util.List;

/** Host ports bind the network interfaces of the node. */
public final class HostPortsCheck implements PodSecurityCheck {
    @Override
    public String id() {
        return "hostPorts";
    }

    @Override
    public Level level() {
        return Level.BASELINE;
    }

    @Override
    public int since() {
        return 0;
    }

    @Override
    public List<Violation> check(PolicyVersion version, PodInput pod) {
        Offenders offenders = new Offenders(this);
        for (Container c : pod.containers()) {
            for (Object port : Node.list(c.fields(), "ports")) {
                String hostPort = Node.string(port, "hostPort");
                if (hostPort != null && !hostPort.isBlank() && !"0".equals(hostPort.trim())) {
                    offenders.add(c.describe() + " uses hostPort " + hostPort);
                }
            }
        }
        return offenders.result();
    }
}
