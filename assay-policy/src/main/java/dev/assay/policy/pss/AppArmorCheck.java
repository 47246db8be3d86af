package dev.assay.policy.pss;

import dev.assay.policy.Violation;
import java.util.List;
import java.util.Map;

/** AppArmor may be the runtime default or a node-local profile, never unconfined. */
public final class AppArmorCheck implements PodSecurityCheck {
    private static final String ANNOTATION_PREFIX = "container.apparmor.security.beta.kubernetes.io/";

    private static boolean allowedAnnotation(String value) {
        return value.isEmpty() || "runtime/default".equals(value) || value.startsWith("localhost/");
    }

    private static void inspect(Offenders offenders, String where, Object profile) {
        String type = Node.string(profile, "type");
        if (type != null && !"RuntimeDefault".equals(type) && !"Localhost".equals(type)) {
            offenders.add(where + " sets appArmorProfile.type=" + type);
        }
    }

    @Override
    public String id() {
        return "appArmorProfile";
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
        for (Map.Entry<?, ?> annotation : pod.annotations().entrySet()) {
            String key = String.valueOf(annotation.getKey());
            String value = String.valueOf(annotation.getValue());
            if (key.startsWith(ANNOTATION_PREFIX) && !allowedAnnotation(value)) {
                offenders.add("annotation " + key + "=" + value);
            }
        }
        inspect(offenders, "pod", pod.podSecurityContext("appArmorProfile"));
        for (Container c : pod.containers()) {
            inspect(offenders, c.describe(), c.securityContext("appArmorProfile"));
        }
        return offenders.result();
    }
}
