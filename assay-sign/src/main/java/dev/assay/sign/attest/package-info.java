/**
 * Attestations: in-toto statements about files, with the predicates Assay writes (SBOM, vulnerability scan,
 * OpenVEX, and SLSA provenance from {@code dev.assay.sign.slsa}), signed into DSSE envelopes or Sigstore
 * bundles, and the verifier that checks signature, payload type, predicate type and subject in that order.
 */
package dev.assay.sign.attest;
