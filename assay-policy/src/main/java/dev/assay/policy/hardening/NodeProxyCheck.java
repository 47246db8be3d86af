package dev.assay.policy.hardening;

import dev.assay.model.Severity;
import java.util.Optional;

/**
 * A role rule on {@code nodes/proxy}: any verb reaches the kubelet API of the nodes, which runs commands in
 * any pod of the node and is neither audited nor admitted by the API server.
 */
final class NodeProxyCheck extends RoleRuleCheck {
    NodeProxyCheck() {
        super(
                "rbac-nodes-proxy",
                Severity.HIGH,
                "Role or ClusterRole grants access to nodes/proxy (the kubelet API)",
                "Remove nodes/proxy; monitoring agents need nodes/metrics or nodes/stats, not the proxy.");
    }

    @Override
    Optional<String> inspect(KubeObject role, RbacRule rule) {
        if (!rule.coversCoreGroup()
                || !rule.namesResource("nodes/proxy")
                || rule.verbs().isEmpty()) {
            return Optional.empty();
        }
        return Optional.of("grants " + RbacRule.verbList(rule.verbs())
                + " on nodes/proxy: the kubelet API of the nodes, which runs commands in any of their pods without"
                + " API server audit or admission");
    }
}
