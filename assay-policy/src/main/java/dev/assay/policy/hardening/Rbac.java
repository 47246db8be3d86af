package dev.assay.policy.hardening;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** RBAC names shared by the RBAC checks: the API group, binding subjects and role references. */
final class Rbac {
    static final String GROUP = "rbac.authorization.k8s.io";
    private static final String SERVICE_ACCOUNTS_GROUP = "system:serviceaccounts";

    private Rbac() {}

    static boolean isBinding(KubeObject object) {
        return object.is(GROUP, "RoleBinding") || object.is(GROUP, "ClusterRoleBinding");
    }

    /** One entry of a binding's {@code subjects}, with its position for messages. */
    record Subject(int index, String kind, String name, String namespace) {
        String path() {
            return "subjects[" + index + "]";
        }

        /**
         * A service account, or a group of them: {@code system:serviceaccounts} holds every service account
         * of the cluster and {@code system:serviceaccounts:NS} every one of a namespace.
         */
        boolean isServiceAccounts() {
            return kind.equals("ServiceAccount")
                    || (kind.equals("Group")
                            && (name.equals(SERVICE_ACCOUNTS_GROUP) || name.startsWith(SERVICE_ACCOUNTS_GROUP + ":")));
        }

        String describe() {
            if (kind.equals("ServiceAccount")) {
                return "ServiceAccount " + (namespace.isEmpty() ? "" : namespace + "/") + name;
            }
            return kind + " " + Fields.quote(name);
        }
    }

    static List<Subject> subjects(KubeObject binding) {
        List<Subject> subjects = new ArrayList<>();
        List<?> entries = Fields.list(binding.fields(), "subjects");
        for (int index = 0; index < entries.size(); index++) {
            if (entries.get(index) instanceof Map<?, ?> entry) {
                String kind = Objects.requireNonNullElse(Fields.string(entry, "kind"), "");
                String name = Objects.requireNonNullElse(Fields.string(entry, "name"), "");
                // A RoleBinding's service account without a namespace is in the binding's namespace.
                String namespace = Objects.requireNonNullElse(Fields.string(entry, "namespace"), binding.namespace());
                subjects.add(new Subject(index, kind, name, namespace));
            }
        }
        return subjects;
    }

    static String roleRefKind(KubeObject binding) {
        return Objects.requireNonNullElse(Fields.string(binding.fields(), "roleRef", "kind"), "");
    }

    static String roleRefName(KubeObject binding) {
        return Objects.requireNonNullElse(Fields.string(binding.fields(), "roleRef", "name"), "");
    }
}
