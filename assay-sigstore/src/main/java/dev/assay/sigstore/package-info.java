/**
 * Offline verification of Sigstore bundles against a {@code trusted_root.json}: keyless bundles (a Fulcio
 * certificate bound to an OIDC identity) and managed-key bundles (a public key the verifier supplies). The
 * cryptographic building blocks (certificate path and SCT validation, RFC 3161 timestamps, Merkle inclusion
 * proofs, checkpoint parsing) come from sigstore-java; this package decides which checks a bundle must pass
 * and names the one that failed.
 */
package dev.assay.sigstore;
