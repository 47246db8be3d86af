package dev.assay.policy.hardening;

import dev.assay.model.Severity;
import dev.assay.policy.Violation;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A check of each rule of a Role or ClusterRole; subclasses say what is wrong with one rule, if anything. */
abstract class RoleRuleCheck extends SimpleCheck {
    RoleRuleCheck(String id, Severity severity, String title, String remediation) {
        super(id, severity, title, remediation);
    }

    @Override
    public boolean appliesTo(KubeObject object) {
        return RbacRule.isRole(object);
    }

    @Override
    public final List<Violation> check(KubeObject role) {
        List<Violation> violations = new ArrayList<>();
        for (RbacRule rule : RbacRule.of(role)) {
            inspect(role, rule).ifPresent(problem -> violations.add(violation(rule.path() + " " + problem)));
        }
        return List.copyOf(violations);
    }

    /** What is wrong with one rule, as the rest of a sentence that starts with its path ({@code rules[2]}). */
    abstract Optional<String> inspect(KubeObject role, RbacRule rule);

    /** {@code "pods", "secrets"} or the non-resource URLs, for messages. */
    static String targets(RbacRule rule) {
        if (!rule.resources().isEmpty()) {
            return "resources " + RbacRule.verbList(rule.resources());
        }
        if (!rule.nonResourceUrls().isEmpty()) {
            return "non-resource URLs " + RbacRule.verbList(rule.nonResourceUrls());
        }
        return "no resources";
    }
}
