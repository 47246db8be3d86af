/**
 * SLSA build provenance (v1, reading v0.2 too): the predicate built from the CI environment Assay runs in
 * (GitHub Actions, GitLab CI) or from explicit values, and the checks slsa-verifier makes of a provenance
 * attestation (builder id, source repository and ref, build level from a policy of trusted builders).
 */
package dev.assay.sign.slsa;
