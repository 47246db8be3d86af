/**
 * Signing keys: generation (ECDSA P-256, Ed25519, RSA-3072), PEM encoding, and private keys encrypted at
 * rest in the format cosign and the Sigstore clients use (scrypt + NaCl secretbox), so keys move freely
 * between Assay and cosign.
 */
package dev.assay.sign.keys;
