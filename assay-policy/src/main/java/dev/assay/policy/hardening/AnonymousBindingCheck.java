package dev.assay.policy.hardening;

import dev.assay.model.Severity;
import dev.assay.policy.Violation;
import java.util.ArrayList;
import java.util.List;

/**
 * A binding to {@code system:anonymous} or {@code system:unauthenticated}: whatever the role grants, anyone
 * who reaches the API server gets it without credentials.
 */
final class AnonymousBindingCheck implements HardeningCheck {
    @Override
    public String id() {
        return "rbac-anonymous-subject";
    }

    @Override
    public Severity severity() {
        return Severity.HIGH;
    }

    @Override
    public String title() {
        return "Role binding grants permissions to unauthenticated users";
    }

    @Override
    public String remediation() {
        return "Remove system:anonymous and system:unauthenticated from the subjects.";
    }

    @Override
    public boolean appliesTo(KubeObject object) {
        return Rbac.isBinding(object);
    }

    @Override
    public List<Violation> check(KubeObject binding) {
        List<Violation> violations = new ArrayList<>();
        for (Rbac.Subject subject : Rbac.subjects(binding)) {
            boolean anonymous = (subject.kind().equals("User") && subject.name().equals("system:anonymous"))
                    || (subject.kind().equals("Group") && subject.name().equals("system:unauthenticated"))
                    || (subject.kind().equals("Group") && subject.name().equals("system:anonymous"));
            if (anonymous) {
                violations.add(violation(subject.path() + " is " + subject.describe() + ": "
                        + Rbac.roleRefKind(binding) + " " + Fields.quote(Rbac.roleRefName(binding))
                        + " is granted to anyone who reaches the API server, without credentials"));
            }
        }
        return List.copyOf(violations);
    }
}
