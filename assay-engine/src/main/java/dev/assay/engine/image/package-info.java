/**
 * The image supply-chain pack as admission policies and mutators: {@code kind: ImagePolicy} documents
 * (parsed and purely checked in {@code assay-policy}) bound to the registry through the signing
 * capability's verifiers, with tag resolutions and verdicts cached by digest for the policy's TTL. The CLI
 * and the admission webhook both load policies through {@link dev.assay.engine.image.ImagePolicies}.
 */
package dev.assay.engine.image;
