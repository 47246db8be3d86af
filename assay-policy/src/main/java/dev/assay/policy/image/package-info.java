/**
 * The image supply-chain pack's documents and pure checks: {@code kind: ImagePolicy} documents, the image
 * fields of pods and pod templates (with JSON pointers for mutation), and the checks that need no registry
 * (allowed registries, digest pinning, no {@code latest}). Signature, provenance and vulnerability checks,
 * which read the registry, live in the engine and are built from the same {@link
 * dev.assay.policy.image.ImagePolicySpec}.
 */
package dev.assay.policy.image;
