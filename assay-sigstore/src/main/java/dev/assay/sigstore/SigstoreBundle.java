package dev.assay.sigstore;

import dev.assay.sign.dsse.PreAuthenticationEncoding;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Optional;

/**
 * A Sigstore bundle as read from its JSON, before any check: every field is what the bundle claims.
 *
 * @param version the bundle format version, {@code 0.1}, {@code 0.2} or {@code 0.3}
 * @param rfc3161Timestamps DER-encoded RFC 3161 timestamp responses
 */
record SigstoreBundle(
        String mediaType,
        String version,
        Material material,
        List<TlogEntry> tlogEntries,
        List<byte[]> rfc3161Timestamps,
        Content content) {

    /** What the signature is to be verified with. */
    sealed interface Material {
        /** @param chain the leaf first; v0.3 bundles carry the leaf alone */
        record Certificates(List<X509Certificate> chain) implements Material {
            X509Certificate leaf() {
                return chain.get(0);
            }
        }

        /** @param hint an opaque name of the key; the key itself comes from the verifier */
        record PublicKeyHint(String hint) implements Material {}
    }

    /** What was signed. */
    sealed interface Content {
        /**
         * A signature over the artifact itself.
         *
         * @param digestAlgorithm the algorithm of {@code digest}; empty when the bundle carries no digest
         * @param digest the artifact digest the bundle claims (an unauthenticated hint); null when absent
         */
        record MessageSignature(Optional<DigestAlgorithm> digestAlgorithm, byte[] digest, byte[] signature)
                implements Content {}

        /** A DSSE envelope; the artifact is a subject of its in-toto statement. */
        record Dsse(String payloadType, byte[] payload, List<byte[]> signatures) implements Content {
            byte[] preAuthenticationEncoding() {
                return PreAuthenticationEncoding.encode(payloadType, payload);
            }
        }
    }

    /**
     * One transparency-log entry.
     *
     * @param integratedTime seconds since the epoch; 0 when the log (Rekor v2) records none
     * @param canonicalizedBody the entry body exactly as the log hashed it
     */
    record TlogEntry(
            long logIndex,
            byte[] logId,
            String kind,
            String version,
            long integratedTime,
            Optional<byte[]> signedEntryTimestamp,
            Optional<InclusionProof> inclusionProof,
            byte[] canonicalizedBody) {}

    /**
     * @param checkpoint the signed note committing to the proof's root hash; absent from some early v0.1
     *     bundles (the verifier then refuses the proof: an unsigned root hash proves nothing)
     */
    record InclusionProof(
            long logIndex, byte[] rootHash, long treeSize, List<byte[]> hashes, Optional<String> checkpoint) {}
}
