/**
 * Assay's CEL runtime: user policies in Kubernetes ValidatingAdmissionPolicy's dialect of CEL, compiled once
 * and applied by the admission webhook and the CLI through {@link dev.assay.policy.cel.CelPolicy}. The
 * environment adds Kubernetes' libraries (quantities, URLs, lists, regex) to cel-java and bounds every
 * evaluation ({@link dev.assay.policy.cel.CelLimits}).
 */
package dev.assay.policy.cel;
