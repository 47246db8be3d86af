/**
 * The cluster-hardening pack: RBAC, workload, secret and network checks over Kubernetes objects, each a
 * pure {@link dev.assay.policy.Check} with a stable id and severity. {@link
 * dev.assay.policy.hardening.HardeningPolicy} applies the per-object checks as an admission policy (the
 * webhook and {@code assay scan k8s} run the same code); {@link
 * dev.assay.policy.hardening.HardeningSetPolicy} applies the checks that need the whole manifest set.
 */
package dev.assay.policy.hardening;
