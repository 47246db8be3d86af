package dev.assay.sigstore;

import dev.assay.sigstore.SigstoreBundle.Content;
import java.util.Map;

/**
 * What a log entry must agree with, once the bundle's own signature has been checked.
 *
 * @param signature the one signature of the bundle (the message signature or the envelope's)
 * @param artifactDigests the artifact's digests under every algorithm the bundle or its log entry names
 */
record Evidence(
        Content content, byte[] signature, Map<DigestAlgorithm, byte[]> artifactDigests, SigningMaterial signer) {}
