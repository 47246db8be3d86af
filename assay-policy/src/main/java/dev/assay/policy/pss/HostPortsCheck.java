package dev.assay.policy.pss;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

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
    public Optional<PodSecurityViolation> evaluate(PolicyVersion version, PodInput pod) {
        List<String> bad = new ArrayList<>();
        List<String> ports = new ArrayList<>();
        for (Container c : pod.containers()) {
            boolean valid = true;
            for (Object port : Node.list(c.fields(), "ports")) {
                String text = Node.string(port, "hostPort");
                if (text == null) {
                    continue;
                }
                BigInteger number = Node.integer(port, "hostPort");
                if (number == null || number.signum() != 0) {
                    valid = false;
                    // Not a number at all: the API server would refuse it; report it as written.
                    ports.add(number == null ? text : number.toString());
                }
            }
            if (!valid) {
                bad.add(c.name());
            }
        }
        if (bad.isEmpty()) {
            return Optional.empty();
        }
        // PSA keeps the ports in a string set, so they sort as text: "10000" before "80".
        List<String> sortedPorts = Wording.sorted(ports);
        return forbidden(
                "hostPort",
                Wording.containers(bad) + " " + Wording.pluralize("uses", "use", bad.size()) + " "
                        + Wording.pluralize("hostPort", "hostPorts", sortedPorts.size()) + " "
                        + String.join(", ", sortedPorts));
    }
}
