/**
 * Built-in policy packs; each rule is a pure {@link dev.assay.policy.Check} over an immutable input. Packs
 * reach admission through {@link dev.assay.policy.admission.AdmissionPolicy}; rules that need a whole
 * manifest set at once implement {@link dev.assay.policy.ManifestSetPolicy}, and packs that can describe
 * their rules for reports implement {@link dev.assay.policy.RuleCatalog}.
 */
package dev.assay.policy;
