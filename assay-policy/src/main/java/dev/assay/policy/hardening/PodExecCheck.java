package dev.assay.policy.hardening;

import dev.assay.model.Severity;
import java.util.List;
import java.util.Optional;

/**
 * A role rule that lets a subject create {@code pods/exec} or {@code pods/attach}: a shell in every pod it
 * reaches, with those pods' service-account tokens and mounted Secrets.
 */
final class PodExecCheck extends RoleRuleCheck {
    private static final List<String> SUBRESOURCES = List.of("pods/exec", "pods/attach");

    PodExecCheck() {
        super(
                "rbac-pods-exec",
                Severity.HIGH,
                "Role or ClusterRole allows exec or attach into pods",
                "Remove create on pods/exec and pods/attach; grant it only to break-glass roles, limited by"
                        + " resourceNames.");
    }

    @Override
    Optional<String> inspect(KubeObject role, RbacRule rule) {
        if (!rule.coversCoreGroup() || rule.limitedToNamedObjects()) {
            return Optional.empty();
        }
        List<String> subresources =
                SUBRESOURCES.stream().filter(rule::namesResource).toList();
        List<String> granted = rule.grants(List.of("create"));
        if (subresources.isEmpty() || granted.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of("grants " + RbacRule.verbList(granted) + " on " + String.join(", ", subresources)
                + ": commands in every pod it reaches, with their tokens and Secrets");
    }
}
