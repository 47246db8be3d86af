/**
 * Container image signatures and attestations in cosign's formats: the simple-signing payload signed with
 * a local key, stored under the {@code sha256-<hex>.sig} tag (layers annotated with the base64 signature)
 * or as a Sigstore bundle referrer, and in-toto attestations in DSSE envelopes under {@code .att}. The
 * registry side lives in assay-oci; the engine wires the two.
 */
package dev.assay.sign.image;
