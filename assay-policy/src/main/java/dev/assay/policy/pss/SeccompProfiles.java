package dev.assay.policy.pss;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The {@code seccompProfile} fields of a pod and its containers, sorted the way PSA's seccomp checks
 * report them: who set a forbidden type, which types, and which containers set nothing at all.
 */
final class SeccompProfiles {
    final List<String> badSetters = new ArrayList<>();
    final List<String> badValues = new ArrayList<>();
    final List<String> unset = new ArrayList<>();
    final boolean podValid;

    private SeccompProfiles(PodInput pod) {
        Map<?, ?> podProfile = Node.object(pod.podSecurityContext(), "seccompProfile");
        boolean valid = false;
        if (podProfile != null) {
            String type = Node.text(podProfile, "type");
            if (allowed(type)) {
                valid = true;
            } else {
                badSetters.add("pod");
                badValues.add(type);
            }
        }
        podValid = valid;
        List<String> badContainers = new ArrayList<>();
        for (Container c : pod.containers()) {
            Map<?, ?> profile = Node.object(c.securityContext(), "seccompProfile");
            if (profile == null) {
                unset.add(c.name());
            } else if (!allowed(Node.text(profile, "type"))) {
                badContainers.add(c.name());
                badValues.add(Node.text(profile, "type"));
            }
        }
        if (!badContainers.isEmpty()) {
            badSetters.add(Wording.containers(badContainers));
        }
    }

    static SeccompProfiles of(PodInput pod) {
        return new SeccompProfiles(pod);
    }

    static boolean allowed(String type) {
        return "RuntimeDefault".equals(type) || "Localhost".equals(type);
    }

    /** {@code pod and containers "a" must not set securityContext.seccompProfile.type to "Unconfined"}. */
    String forbiddenDetail() {
        return String.join(" and ", badSetters) + " must not set securityContext.seccompProfile.type to "
                + Wording.joinQuote(Wording.sorted(badValues));
    }
}
