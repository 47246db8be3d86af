package dev.assay.policy.hardening;

import dev.assay.model.Severity;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A binding that grants service accounts a role of the manifest set with wildcard rules ({@code *} verbs or
 * resources): cluster-admin under another name. The role's rules are in another document than the binding,
 * so only the whole set shows this; {@code cluster-admin} itself is reported per object by {@link
 * ClusterAdminBindingCheck}.
 */
final class WildcardRoleBindingCheck implements ManifestSetCheck {
    @Override
    public String id() {
        return "rbac-wildcard-role-service-account";
    }

    @Override
    public Severity severity() {
        return Severity.HIGH;
    }

    @Override
    public String title() {
        return "Role with wildcard rules is bound to a service account";
    }

    @Override
    public String remediation() {
        return "Bind service accounts only to roles that list the verbs and resources they need.";
    }

    @Override
    public List<Anchored> check(List<KubeObject> objects) {
        Map<String, KubeObject> clusterRoles = new HashMap<>();
        Map<String, KubeObject> roles = new HashMap<>();
        for (KubeObject object : objects) {
            if (object.is(Rbac.GROUP, "ClusterRole")) {
                clusterRoles.putIfAbsent(object.name(), object);
            } else if (object.is(Rbac.GROUP, "Role")) {
                roles.putIfAbsent(object.namespace() + "/" + object.name(), object);
            }
        }
        List<Anchored> violations = new ArrayList<>();
        for (int index = 0; index < objects.size(); index++) {
            KubeObject binding = objects.get(index);
            if (!Rbac.isBinding(binding)) {
                continue;
            }
            String roleName = Rbac.roleRefName(binding);
            KubeObject role = switch (Rbac.roleRefKind(binding)) {
                case "ClusterRole" ->
                    roleName.equals(ClusterAdminBindingCheck.CLUSTER_ADMIN) ? null : clusterRoles.get(roleName);
                case "Role" ->
                    binding.kind().equals("RoleBinding") ? roles.get(binding.namespace() + "/" + roleName) : null;
                default -> null;
            };
            if (role == null) {
                continue;
            }
            Optional<RbacRule> wildcard = RbacRule.of(role).stream()
                    .filter(rule -> rule.verbs().contains(RbacRule.WILDCARD)
                            || rule.resources().contains(RbacRule.WILDCARD))
                    .findFirst();
            if (wildcard.isEmpty()) {
                continue;
            }
            for (Rbac.Subject subject : Rbac.subjects(binding)) {
                if (subject.isServiceAccounts()) {
                    violations.add(new Anchored(
                            index,
                            "roleRef is " + role.describe() + ", whose "
                                    + wildcard.get().path()
                                    + " grants \"*\", and " + subject.path() + " is " + subject.describe()
                                    + ": every pod running as it holds those wildcard permissions"));
                }
            }
        }
        return List.copyOf(violations);
    }
}
