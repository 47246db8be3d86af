package dev.assay.policy.hardening;

import dev.assay.model.Severity;
import dev.assay.policy.Violation;
import java.util.ArrayList;
import java.util.List;

/**
 * A binding of the {@code cluster-admin} ClusterRole to service accounts: every pod that runs as one of them,
 * and everyone who can read its token, controls the cluster (or, through a RoleBinding, the whole namespace,
 * Secrets and RBAC included). Bindings of other roles with wildcard rules are found by {@link
 * WildcardRoleBindingCheck}, which needs the role's definition.
 */
final class ClusterAdminBindingCheck implements HardeningCheck {
    static final String CLUSTER_ADMIN = "cluster-admin";

    @Override
    public String id() {
        return "rbac-cluster-admin-service-account";
    }

    @Override
    public Severity severity() {
        return Severity.CRITICAL;
    }

    @Override
    public String title() {
        return "cluster-admin is bound to a service account";
    }

    @Override
    public String remediation() {
        return "Bind a role that lists only the permissions the workload needs; never cluster-admin.";
    }

    @Override
    public boolean appliesTo(KubeObject object) {
        return Rbac.isBinding(object);
    }

    @Override
    public List<Violation> check(KubeObject binding) {
        if (!Rbac.roleRefKind(binding).equals("ClusterRole")
                || !Rbac.roleRefName(binding).equals(CLUSTER_ADMIN)) {
            return List.of();
        }
        String reach = binding.kind().equals("ClusterRoleBinding")
                ? "control of the whole cluster"
                : "full control of namespace " + Fields.quote(binding.namespace()) + ", Secrets and RBAC included";
        List<Violation> violations = new ArrayList<>();
        for (Rbac.Subject subject : Rbac.subjects(binding)) {
            if (subject.isServiceAccounts()) {
                violations.add(violation("roleRef is ClusterRole \"cluster-admin\" and " + subject.path() + " is "
                        + subject.describe() + ": every pod running as it has " + reach));
            }
        }
        return List.copyOf(violations);
    }
}
