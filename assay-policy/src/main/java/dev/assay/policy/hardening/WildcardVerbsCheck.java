package dev.assay.policy.hardening;

import dev.assay.model.Severity;
import java.util.Optional;

/** A role rule whose verbs are {@code *}: every verb, today's and future ones, escalate and bind included. */
final class WildcardVerbsCheck extends RoleRuleCheck {
    WildcardVerbsCheck() {
        super(
                "rbac-wildcard-verbs",
                Severity.HIGH,
                "Role or ClusterRole rule grants every verb (\"*\")",
                "List the verbs the subject needs (get, list, watch, ...) instead of \"*\".");
    }

    @Override
    Optional<String> inspect(KubeObject role, RbacRule rule) {
        if (!rule.verbs().contains(RbacRule.WILDCARD)) {
            return Optional.empty();
        }
        return Optional.of(
                "verbs contains \"*\" (every verb, escalate, bind and impersonate included) on " + targets(rule));
    }
}
