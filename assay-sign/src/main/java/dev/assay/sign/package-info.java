/**
 * Signing and verification: keys, signatures in the formats the ecosystem already uses (cosign, Sigstore
 * bundles, DSSE/in-toto), and the verifiers that check them.
 */
package dev.assay.sign;
