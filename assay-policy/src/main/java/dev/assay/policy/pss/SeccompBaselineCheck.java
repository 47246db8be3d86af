package dev.assay.policy.pss;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Seccomp must not be unconfined: before v1.19 through the alpha annotations, from v1.19 through the
 * {@code seccompProfile} fields (each version looks only at its own mechanism, as PSA does). Restricted
 * replaces it from v1.19.
 */
public final class SeccompBaselineCheck implements PodSecurityCheck {
    static final String ID = "seccompProfile_baseline";
    static final int FIELDS_SINCE = 19;
    private static final String POD_ANNOTATION = "seccomp.security.alpha.kubernetes.io/pod";
    private static final String CONTAINER_ANNOTATION_PREFIX = "container.seccomp.security.alpha.kubernetes.io/";

    private static boolean allowedAnnotation(String value) {
        return "runtime/default".equals(value) || "docker/default".equals(value) || value.startsWith("localhost/");
    }

    private static void inspect(Map<?, ?> annotations, String key, List<String> forbidden) {
        if (annotations.containsKey(key)) {
            String value = Node.text(annotations.get(key));
            if (!allowedAnnotation(value)) {
                forbidden.add(key + "=" + Wording.goQuote(value));
            }
        }
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Level level() {
        return Level.BASELINE;
    }

    @Override
    public Optional<PodSecurityViolation> evaluate(PolicyVersion version, PodInput pod) {
        return version.atLeast(FIELDS_SINCE) ? fields(pod) : annotations(pod);
    }

    private Optional<PodSecurityViolation> annotations(PodInput pod) {
        List<String> forbidden = new ArrayList<>();
        inspect(pod.annotations(), POD_ANNOTATION, forbidden);
        // Only annotations naming a container of this pod count.
        for (Container c : pod.containers()) {
            inspect(pod.annotations(), CONTAINER_ANNOTATION_PREFIX + c.name(), forbidden);
        }
        if (forbidden.isEmpty()) {
            return Optional.empty();
        }
        List<String> distinct = Wording.sorted(forbidden);
        return forbidden(
                "seccompProfile",
                "forbidden " + Wording.pluralize("annotation", "annotations", distinct.size()) + " "
                        + String.join(", ", distinct));
    }

    private Optional<PodSecurityViolation> fields(PodInput pod) {
        SeccompProfiles profiles = SeccompProfiles.of(pod);
        return profiles.badSetters.isEmpty()
                ? Optional.empty()
                : forbidden("seccompProfile", profiles.forbiddenDetail());
    }
}
