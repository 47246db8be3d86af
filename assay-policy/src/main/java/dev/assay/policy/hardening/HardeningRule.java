package dev.assay.policy.hardening;

import dev.assay.model.Severity;

/** What every hardening rule says about itself: a stable id, one severity, a title and a remedy. */
public interface HardeningRule {
    /** Stable kebab-case id, shown in reports ({@code rbac-wildcard-verbs}). */
    String id();

    /** One severity per rule, so that a rule means the same thing wherever it is reported. */
    Severity severity();

    /** One line saying what the rule finds. */
    String title();

    /** What to change in the manifest. */
    String remediation();
}
