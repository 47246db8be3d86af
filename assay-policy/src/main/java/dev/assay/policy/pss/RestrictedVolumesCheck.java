package dev.assay.policy.pss;

import dev.assay.policy.Violation;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Restricted pods may only use volume types that do not reach node or network storage directly. */
public final class RestrictedVolumesCheck implements PodSecurityCheck {
    private static final Set<String> ALLOWED = Set.of(
            "configMap", "csi", "downwardAPI", "emptyDir", "ephemeral", "persistentVolumeClaim", "projected", "secret");

    @Override
    public String id() {
        return "restrictedVolumes";
    }

    @Override
    public Level level() {
        return Level.RESTRICTED;
    }

    @Override
    public int since() {
        return 0;
    }

    @Override
    public List<Violation> check(PolicyVersion version, PodInput pod) {
        Offenders offenders = new Offenders(this);
        for (Object volume : Node.list(pod.spec(), "volumes")) {
            if (!(volume instanceof Map<?, ?> fields)) {
                continue;
            }
            for (Object key : fields.keySet()) {
                String type = String.valueOf(key);
                if (!"name".equals(type) && !ALLOWED.contains(type) && fields.get(key) != null) {
                    offenders.add("volume \"" + Node.string(volume, "name") + "\" uses " + type);
                }
            }
        }
        return offenders.result();
    }
}
