package dev.assay.policy.hardening;

import dev.assay.model.Severity;
import java.util.List;
import java.util.Optional;

/**
 * A role rule that reads Secrets by listing or watching them, or getting any of them: the tokens, passwords
 * and keys of a namespace, or of the cluster for a ClusterRole bound cluster-wide. A rule limited by {@code
 * resourceNames} to named Secrets is not broad and passes. Two ids, because a ClusterRole reaches further
 * than a Role.
 */
final class SecretsReadCheck extends RoleRuleCheck {
    private static final List<String> READ_VERBS = List.of("get", "list", "watch");

    private final String roleKind;

    private SecretsReadCheck(String id, Severity severity, String title, String roleKind) {
        super(
                id,
                severity,
                title,
                "Grant get on the Secrets the subject needs by name (resourceNames), or mount them instead of"
                        + " reading them through the API.");
        this.roleKind = roleKind;
    }

    static SecretsReadCheck clusterWide() {
        return new SecretsReadCheck(
                "rbac-secrets-read-cluster", Severity.HIGH, "ClusterRole reads Secrets", "ClusterRole");
    }

    static SecretsReadCheck namespaceWide() {
        return new SecretsReadCheck(
                "rbac-secrets-read-namespace", Severity.MEDIUM, "Role reads every Secret of its namespace", "Role");
    }

    @Override
    public boolean appliesTo(KubeObject object) {
        return object.is(Rbac.GROUP, roleKind);
    }

    @Override
    Optional<String> inspect(KubeObject role, RbacRule rule) {
        if (!rule.coversCoreGroup() || !rule.namesResource("secrets") || rule.limitedToNamedObjects()) {
            return Optional.empty();
        }
        List<String> granted = rule.grants(READ_VERBS);
        if (granted.isEmpty()) {
            return Optional.empty();
        }
        String reach = roleKind.equals("Role")
                ? "every Secret of namespace " + Fields.quote(role.namespace().isEmpty() ? "(unset)" : role.namespace())
                : "every Secret of the cluster where a ClusterRoleBinding grants it, of a namespace where a"
                        + " RoleBinding does";
        return Optional.of("grants " + RbacRule.verbList(granted) + " on secrets: " + reach);
    }
}
