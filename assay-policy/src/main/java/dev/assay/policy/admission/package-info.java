/**
 * The contract between Assay's policies and the Kubernetes admission webhook: a request under review,
 * the policies and mutators that judge it, and the violations they report. The same types serve the CLI
 * ({@code assay policy eval}, {@code assay scan k8s}) so that every admission decision can be reproduced
 * offline.
 */
package dev.assay.policy.admission;
