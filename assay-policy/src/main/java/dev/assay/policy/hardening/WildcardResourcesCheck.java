package dev.assay.policy.hardening;

import dev.assay.model.Severity;
import java.util.Optional;

/**
 * A role rule whose resources are {@code *}: every resource of its API groups, including ones added later
 * (custom resources) and, in the core group, Secrets.
 */
final class WildcardResourcesCheck extends RoleRuleCheck {
    WildcardResourcesCheck() {
        super(
                "rbac-wildcard-resources",
                Severity.HIGH,
                "Role or ClusterRole rule covers every resource (\"*\")",
                "List the resources the subject needs instead of \"*\".");
    }

    @Override
    Optional<String> inspect(KubeObject role, RbacRule rule) {
        if (!rule.resources().contains(RbacRule.WILDCARD)) {
            return Optional.empty();
        }
        String groups = rule.apiGroups().contains(RbacRule.WILDCARD)
                ? "of every API group"
                : "of API groups " + RbacRule.verbList(rule.apiGroups());
        String secrets = rule.coversCoreGroup() ? ", Secrets included," : "";
        return Optional.of("resources contains \"*\" (every resource " + groups + secrets + " now and later) for verbs "
                + RbacRule.verbList(rule.verbs()));
    }
}
