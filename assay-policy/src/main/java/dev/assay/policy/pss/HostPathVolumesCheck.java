package dev.assay.policy.pss;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** hostPath volumes expose the node file system. Restricted reports them as restricted volume types. */
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
    public Optional<PodSecurityViolation> evaluate(PolicyVersion version, PodInput pod) {
        List<String> bad = new ArrayList<>();
        for (Object volume : Node.list(pod.spec(), "volumes")) {
            if (Node.object(volume, "hostPath") != null) {
                bad.add(Node.text(volume, "name"));
            }
        }
        if (bad.isEmpty()) {
            return Optional.empty();
        }
        return forbidden(
                "hostPath volumes", Wording.pluralize("volume", "volumes", bad.size()) + " " + Wording.joinQuote(bad));
    }
}
