/**
 * Dead Simple Signing Envelopes (DSSE v1): the signature wrapper of in-toto attestations and of Sigstore
 * bundles with a {@code dsseEnvelope}. Signatures cover the pre-authentication encoding of payload type and
 * payload, never the payload alone.
 */
package dev.assay.sign.dsse;
