package dev.assay.policy.hardening;

import dev.assay.policy.Check;
import dev.assay.policy.Violation;

/**
 * A hardening rule over one Kubernetes object: pure, no I/O, the same answer for the same object. Each
 * violation's message names the offending field.
 */
public interface HardeningCheck extends Check<KubeObject>, HardeningRule {
    /** Whether the check looks at objects of this kind at all. */
    boolean appliesTo(KubeObject object);

    /**
     * True for rules about manifests as files rather than about objects: a Secret in a manifest holds its
     * values in the file (committed to a repository), while a Secret sent to the API server always does.
     * The admission webhook leaves these out.
     */
    default boolean manifestOnly() {
        return false;
    }

    default Violation violation(String message) {
        return new Violation(id(), message);
    }
}
