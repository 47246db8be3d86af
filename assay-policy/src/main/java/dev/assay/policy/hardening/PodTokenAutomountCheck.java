package dev.assay.policy.hardening;

import dev.assay.model.Severity;
import dev.assay.policy.Violation;
import java.util.List;

/**
 * A pod that does not opt out of the service-account token: Kubernetes mounts a token for the API server
 * into every container, which an attacker in any of them can use with whatever RBAC grants the account.
 * Most workloads never call the API server. A pod that leaves the field unset may still be spared by its
 * ServiceAccount's own {@code automountServiceAccountToken: false}; the message says so.
 */
final class PodTokenAutomountCheck extends SimpleCheck {
    PodTokenAutomountCheck() {
        super(
                "pod-service-account-token-automount",
                Severity.MEDIUM,
                "Pod mounts its service-account token",
                "Set automountServiceAccountToken: false in the pod spec, or mount a projected token only into the"
                        + " containers that call the API server.");
    }

    @Override
    public boolean appliesTo(KubeObject object) {
        return PodSpecs.hasPodSpec(object);
    }

    @Override
    public List<Violation> check(KubeObject object) {
        return PodSpecs.of(object)
                .filter(pod -> !Fields.isFalse(pod.spec(), "automountServiceAccountToken"))
                .map(pod -> {
                    String field = pod.path() + ".automountServiceAccountToken";
                    return List.of(
                            Fields.isTrue(pod.spec(), "automountServiceAccountToken")
                                    ? violation(field + " is true: every container gets the service-account token")
                                    : violation(field + " is not set to false: every container gets the"
                                            + " service-account token unless the ServiceAccount opts out"));
                })
                .orElse(List.of());
    }
}
