package dev.assay.policy.pss;

import dev.assay.policy.Violation;
import java.util.List;

/** hostPath volumes expose the node file system. */
public final class HostPathVolumesCheck implements PodSecurityCheck {
    @Override
    public String id() {
        return "hostPathVolumes";
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
        for (Object volume : Node.list(pod.spec(), "volumes")) {
            if (Node.present(volume, "hostPath")) {
                offenders.add("volume \"" + Node.string(volume, "name") + "\" uses hostPath");
            }
        }
        return offenders.result();
    }
}
