package dev.assay.policy.hardening;

import dev.assay.model.Severity;
import java.util.List;
import java.util.Optional;

/**
 * A role rule that names escalate, bind or impersonate: escalate and bind let a subject create or bind roles
 * with permissions it does not hold itself, impersonate lets it act as any user, group or service account.
 * {@code *} grants them too and is reported by {@link WildcardVerbsCheck}.
 */
final class EscalationVerbsCheck extends RoleRuleCheck {
    private static final List<String> VERBS = List.of("escalate", "bind", "impersonate");

    EscalationVerbsCheck() {
        super(
                "rbac-escalation-verbs",
                Severity.HIGH,
                "Role or ClusterRole grants escalate, bind or impersonate",
                "Remove escalate, bind and impersonate unless the subject manages RBAC itself, and then limit them"
                        + " with resourceNames.");
    }

    @Override
    Optional<String> inspect(KubeObject role, RbacRule rule) {
        List<String> granted = VERBS.stream().filter(rule.verbs()::contains).toList();
        if (granted.isEmpty()) {
            return Optional.empty();
        }
        String effect = granted.contains("impersonate")
                ? "acting as other users, groups or service accounts"
                : "granting permissions the subject does not hold";
        if (granted.contains("impersonate") && granted.size() > 1) {
            effect = "granting permissions the subject does not hold and acting as other users";
        }
        return Optional.of("verbs " + RbacRule.verbList(granted) + " on " + targets(rule) + " allow " + effect);
    }
}
