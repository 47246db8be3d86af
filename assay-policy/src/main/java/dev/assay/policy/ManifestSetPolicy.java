package dev.assay.policy;

import dev.assay.policy.admission.AdmissionInput;
import java.util.List;

/**
 * A policy over a whole set of manifests rather than one object: "this namespace has no default-deny
 * NetworkPolicy", "this binding grants a wildcard role defined in another file". The admission webhook sees
 * one object per request and cannot apply these; {@code assay scan k8s} can, because it holds every
 * document at once. Implementations are pure and thread-safe.
 */
public interface ManifestSetPolicy {
    /** The name reported with each violation, as {@link dev.assay.policy.admission.AdmissionPolicy#name()}. */
    String name();

    /**
     * The violations of the whole set; each names the object it is reported on by its index in {@code
     * objects}.
     */
    List<AnchoredViolation> review(List<AdmissionInput> objects);
}
