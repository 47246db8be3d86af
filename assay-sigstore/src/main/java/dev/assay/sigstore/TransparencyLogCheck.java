package dev.assay.sigstore;

import dev.assay.sigstore.SigstoreBundle.InclusionProof;
import dev.assay.sigstore.SigstoreBundle.TlogEntry;
import dev.sigstore.encryption.signers.Verifiers;
import dev.sigstore.merkle.InclusionProofVerificationException;
import dev.sigstore.merkle.InclusionProofVerifier;
import dev.sigstore.rekor.client.Checkpoints;
import dev.sigstore.rekor.client.RekorEntry.Checkpoint;
import dev.sigstore.rekor.client.RekorEntry.CheckpointSignature;
import dev.sigstore.rekor.client.RekorParseException;
import dev.sigstore.trustroot.TransparencyLog;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * Proves, offline, that an entry is in a transparency log the trusted root names: the Merkle inclusion
 * proof leads to a root hash, a checkpoint signed by that log commits to the same root hash and tree size,
 * and (Rekor v1) the signed entry timestamp vouches for the entry's integration time.
 */
final class TransparencyLogCheck {
    /** More signature lines than witnesses anyone runs: bounds the work a hostile checkpoint causes. */
    private static final int MAX_CHECKPOINT_SIGNATURES = 32;

    /**
     * @param integratedTime the entry's integration time, when a verified signed entry timestamp vouches for it
     */
    record Verified(TransparencyLog log, Optional<Instant> integratedTime) {}

    private TransparencyLogCheck() {}

    static Verified verify(TlogEntry entry, List<TransparencyLog> logs) throws CheckFailed {
        TransparencyLog log = TransparencyLog.find(logs, entry.logId())
                .orElseThrow(
                        () -> new CheckFailed("the log entry comes from a transparency log the trusted root does not"
                                + " know (log id " + Base64.getEncoder().encodeToString(entry.logId()) + ")"));
        InclusionProof proof = entry.inclusionProof()
                .orElseThrow(() ->
                        new CheckFailed("the log entry has no inclusion proof (offline verification requires one)"));
        PublicKey logKey = logKey(log);
        verifyInclusion(entry, proof);
        String checkpoint = proof.checkpoint()
                .orElseThrow(() -> new CheckFailed("the inclusion proof has no checkpoint, so nothing signed by the"
                        + " log commits to its root hash"));
        verifyCheckpoint(proof, checkpoint, log, logKey);
        Optional<Instant> integratedTime = Optional.empty();
        if (entry.signedEntryTimestamp().isPresent()) {
            verifySignedEntryTimestamp(entry, entry.signedEntryTimestamp().get(), logKey);
            integratedTime = Optional.of(Instant.ofEpochSecond(entry.integratedTime()));
        }
        return new Verified(log, integratedTime);
    }

    private static PublicKey logKey(TransparencyLog log) throws CheckFailed {
        try {
            return log.getPublicKey().toJavaPublicKey();
        } catch (GeneralSecurityException | RuntimeException e) {
            throw new CheckFailed("the trusted root's key for transparency log " + log.getBaseUrl()
                    + " cannot be used: " + TrustRoot.describe(e));
        }
    }

    private static void verifyInclusion(TlogEntry entry, InclusionProof proof) throws CheckFailed {
        if (proof.treeSize() == 0 || proof.logIndex() >= proof.treeSize()) {
            throw new CheckFailed("the inclusion proof is malformed: index " + proof.logIndex()
                    + " is outside a tree of size " + proof.treeSize());
        }
        MessageDigest sha256 = DigestAlgorithm.SHA2_256.newDigest();
        sha256.update((byte) 0x00); // RFC 6962 leaf prefix
        byte[] leafHash = sha256.digest(entry.canonicalizedBody());
        try {
            InclusionProofVerifier.verify(
                    leafHash, proof.logIndex(), proof.treeSize(), proof.hashes(), proof.rootHash());
        } catch (InclusionProofVerificationException | RuntimeException e) {
            throw new CheckFailed("the inclusion proof does not lead from the entry to the proof's root hash "
                    + LogEntryBody.hexOf(proof.rootHash()) + " (the proof or the entry was altered)");
        }
    }

    private static void verifyCheckpoint(InclusionProof proof, String envelope, TransparencyLog log, PublicKey logKey)
            throws CheckFailed {
        Checkpoint checkpoint;
        byte[] checkpointRoot;
        try {
            checkpoint = Checkpoints.from(envelope);
            checkpointRoot = Base64.getDecoder().decode(checkpoint.getBase64Hash());
        } catch (RekorParseException | RuntimeException e) {
            throw new CheckFailed("the checkpoint is malformed: " + TrustRoot.describe(e));
        }
        if (checkpoint.getSignatures().size() > MAX_CHECKPOINT_SIGNATURES) {
            throw new CheckFailed(
                    "the checkpoint carries " + checkpoint.getSignatures().size() + " signatures; at most "
                            + MAX_CHECKPOINT_SIGNATURES + " are accepted");
        }
        if (!MessageDigest.isEqual(checkpointRoot, proof.rootHash())) {
            throw new CheckFailed("the inclusion proof's root hash does not match the checkpoint's ("
                    + LogEntryBody.hexOf(proof.rootHash()) + " vs " + LogEntryBody.hexOf(checkpointRoot) + ")");
        }
        if (checkpoint.getSize() != proof.treeSize()) {
            throw new CheckFailed("the checkpoint's tree size " + checkpoint.getSize()
                    + " does not match the inclusion proof's " + proof.treeSize());
        }
        // A checkpoint may be cosigned by witnesses, in any order, and even carry other signatures under
        // the log's own name: any one line from the log's name, with the log's key hint, that verifies.
        // The signer's name is the log's host, with its port when the URL has one (test logs on localhost).
        String origin = log.getBaseUrl().getHost();
        String authority = log.getBaseUrl().getRawAuthority();
        byte[] keyHint = Arrays.copyOfRange(log.getLogId().getKeyId(), 0, 4);
        byte[] signed = checkpoint.getSignedData().getBytes(StandardCharsets.UTF_8);
        boolean fromLog = false;
        boolean hinted = false;
        for (CheckpointSignature signature : checkpoint.getSignatures()) {
            if (!signature.getIdentity().equals(origin)
                    && !signature.getIdentity().equals(authority)) {
                continue;
            }
            fromLog = true;
            if (!Arrays.equals(signature.getKeyHint(), keyHint)) {
                continue;
            }
            hinted = true;
            if (verifies(logKey, signed, signature.getSignature())) {
                return;
            }
        }
        if (!fromLog) {
            throw new CheckFailed("the checkpoint carries no signature from transparency log " + origin);
        }
        if (!hinted) {
            throw new CheckFailed(
                    "the checkpoint signature's key hint does not match the key of transparency log " + origin);
        }
        throw new CheckFailed("the checkpoint signature does not verify with the key of transparency log " + origin);
    }

    /**
     * Rekor v1's promise: its signature over the canonical JSON of body, integration time, log id and
     * index. Keys are sorted and the numbers are integers, so the canonical form is written directly.
     */
    private static void verifySignedEntryTimestamp(TlogEntry entry, byte[] signature, PublicKey logKey)
            throws CheckFailed {
        String canonical = "{\"body\":\"" + Base64.getEncoder().encodeToString(entry.canonicalizedBody())
                + "\",\"integratedTime\":" + entry.integratedTime()
                + ",\"logID\":\"" + LogEntryBody.hexOf(entry.logId())
                + "\",\"logIndex\":" + entry.logIndex() + "}";
        if (!verifies(logKey, canonical.getBytes(StandardCharsets.UTF_8), signature)) {
            throw new CheckFailed("the signed entry timestamp (SET) does not verify with the transparency log's key"
                    + " (the entry, its integrated time or the SET was altered)");
        }
    }

    private static boolean verifies(PublicKey key, byte[] data, byte[] signature) throws CheckFailed {
        try {
            return Verifiers.newVerifier(key).verify(data, signature);
        } catch (java.security.SignatureException e) {
            return false; // malformed signature encoding: a failed signature
        } catch (GeneralSecurityException e) {
            throw new CheckFailed("the transparency log's key cannot verify signatures: " + TrustRoot.describe(e));
        }
    }
}
