package dev.assay.policy.hardening;

import dev.assay.model.Severity;
import dev.assay.policy.Violation;
import java.util.List;

/**
 * Objects placed in the {@code default} namespace: it is shared by everything deployed without thought, so
 * quotas, NetworkPolicies and RBAC written for one application cannot be scoped to it. Only an explicit
 * {@code default} is reported: a manifest without a namespace goes wherever it is applied.
 */
final class DefaultNamespaceCheck extends SimpleCheck {
    DefaultNamespaceCheck() {
        super(
                "default-namespace",
                Severity.LOW,
                "Object is placed in the default namespace",
                "Give each application its own namespace.");
    }

    @Override
    public boolean appliesTo(KubeObject object) {
        return object.namespace().equals("default");
    }

    @Override
    public List<Violation> check(KubeObject object) {
        String field = "default".equals(Fields.string(object.fields(), "metadata", "namespace"))
                ? "metadata.namespace is \"default\""
                : "the object is created in namespace \"default\"";
        return List.of(violation(field + ", the namespace every unscoped deployment shares"));
    }
}
