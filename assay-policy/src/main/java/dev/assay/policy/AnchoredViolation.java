package dev.assay.policy;

import dev.assay.policy.admission.PolicyViolation;
import java.util.Objects;

/**
 * A violation of a {@link ManifestSetPolicy}, reported on one object of the set: the one whose file and line
 * a report points at (the Namespace that lacks a NetworkPolicy, the binding that grants a role).
 *
 * @param index the object's index in the list the policy reviewed
 * @param violation what is wrong
 */
public record AnchoredViolation(int index, PolicyViolation violation) {
    public AnchoredViolation {
        if (index < 0) {
            throw new IllegalArgumentException("index must not be negative: " + index);
        }
        Objects.requireNonNull(violation, "violation");
    }
}
