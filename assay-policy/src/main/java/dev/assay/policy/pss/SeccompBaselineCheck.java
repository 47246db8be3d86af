package dev.assay.policy.pss;

import dev.assay.policy.Violation;
import java.util.List;
import java.util.Map;

/** Seccomp must not be explicitly unconfined; before v1.19 via annotations, from v1.19 via fields. */
public final class SeccompBaselineCheck implements PodSecurityCheck {
    static final int FIELDS_SINCE = 19;
    private static final String POD_ANNOTATION = "seccomp.security.alpha.kubernetes.io/pod";
    private static final String CONTAINER_ANNOTATION_PREFIX = "container.seccomp.security.alpha.kubernetes.io/";

    @Override
    public String id() {
        return "seccompProfile_baseline";
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
        if (!version.atLeast(FIELDS_SINCE)) {
            for (Map.Entry<?, ?> annotation : pod.annotations().entrySet()) {
                String key = String.valueOf(annotation.getKey());
                boolean seccomp = key.equals(POD_ANNOTATION) || key.startsWith(CONTAINER_ANNOTATION_PREFIX);
                if (seccomp && "unconfined".equals(String.valueOf(annotation.getValue()))) {
                    offenders.add("annotation " + key + "=unconfined");
                }
            }
        }
        if ("Unconfined".equals(Node.string(pod.podSecurityContext("seccompProfile", "type")))) {
            offenders.add("pod sets seccompProfile.type=Unconfined");
        }
        for (Container c : pod.containers()) {
            if ("Unconfined".equals(Node.string(c.securityContext("seccompProfile", "type")))) {
                offenders.add(c.describe() + " sets seccompProfile.type=Unconfined");
            }
        }
        return offenders.result();
    }
}
