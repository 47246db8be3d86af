package dev.assay.sign.image;

import dev.assay.model.InvalidInputException;
import dev.assay.sign.Verification;
import dev.assay.sign.dsse.DsseEnvelope;
import dev.assay.sign.dsse.DsseVerifier;
import dev.assay.sign.intoto.Statement;
import dev.assay.sign.keys.SignatureSchemes;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import java.security.SignatureException;
import java.util.List;
import java.util.Locale;

/**
 * Checks image signatures and attestations against a public key and the image's manifest digest. The
 * signature is checked before the payload is read, so nothing an attacker wrote is interpreted until it
 * is known to come from the key holder; then the payload must name this image's digest, which is what
 * stops a valid signature of image A from vouching for image B. Each failed check is a specific
 * {@link Verification.Rejected}.
 */
public final class ImageSignatureVerifier {
    private ImageSignatureVerifier() {}

    /**
     * The verdict on one attestation, with its predicate type once the envelope is authentic.
     *
     * @param statement the statement, only when the attestation is verified (callers evaluate only statements
     *     that passed every check); else null
     */
    public record AttestationVerdict(Verification verification, String predicateType, Statement statement) {
        public AttestationVerdict {
            if (statement != null && !(verification instanceof Verification.Verified)) {
                throw new IllegalArgumentException("a rejected attestation has no statement");
            }
        }

        public AttestationVerdict(Verification verification, String predicateType) {
            this(verification, predicateType, null);
        }
    }

    /**
     * A {@code .sig} layer: the payload blob and the signature from its annotation.
     *
     * @param imageDigest the resolved manifest digest the signature must cover, {@code sha256:...}
     */
    public static Verification verifySignature(byte[] payload, byte[] signature, PublicKey key, String imageDigest) {
        if (!signatureValid(payload, signature, key)) {
            return new Verification.Rejected("signature does not verify with the key " + hint(key));
        }
        return coverage(payload, imageDigest, key, "signature");
    }

    /** A message-signature bundle referrer and the simple-signing payload stored beside it. */
    public static Verification verifyBundle(
            SignatureBundle.MessageSignature bundle, byte[] payload, PublicKey key, String imageDigest) {
        if (bundle.sha256() != null && !MessageDigest.isEqual(bundle.sha256(), sha256(payload))) {
            return new Verification.Rejected("the bundle's message digest does not match the signed payload");
        }
        if (!signatureValid(payload, bundle.signature(), key)) {
            return new Verification.Rejected("bundle signature does not verify with the key " + hint(key));
        }
        return coverage(payload, imageDigest, key, "bundle signature");
    }

    /**
     * A DSSE-wrapped in-toto statement: authentic with the key, about this image, of an accepted type.
     *
     * @param acceptedTypes predicate types that count, or empty to accept any
     */
    public static AttestationVerdict verifyAttestation(
            DsseEnvelope envelope, PublicKey key, String imageDigest, List<String> acceptedTypes) {
        Verification signature = DsseVerifier.verify(envelope, key);
        if (signature instanceof Verification.Rejected rejected) {
            return new AttestationVerdict(new Verification.Rejected("attestation " + rejected.reason()), null);
        }
        if (!envelope.payloadType().equals(Statement.PAYLOAD_TYPE)) {
            return new AttestationVerdict(
                    new Verification.Rejected("attestation payload type is '"
                            + SimpleSigningPayload.printable(envelope.payloadType()) + "', not "
                            + Statement.PAYLOAD_TYPE),
                    null);
        }
        Statement statement;
        try {
            statement = Statement.parse(envelope.payload(), "attestation statement");
        } catch (InvalidInputException e) {
            return new AttestationVerdict(new Verification.Rejected(e.getMessage()), null);
        }
        String hex = imageDigest.substring(imageDigest.indexOf(':') + 1);
        if (statement.subjectWithSha256(hex).isEmpty()) {
            String named = statement.subjects().stream()
                    .map(subject -> "sha256:" + subject.digest().getOrDefault("sha256", "?"))
                    .map(SimpleSigningPayload::printable)
                    .toList()
                    .toString();
            return new AttestationVerdict(
                    new Verification.Rejected("attestation is about " + named + ", not the image " + imageDigest),
                    statement.predicateType());
        }
        if (!acceptedTypes.isEmpty() && !acceptedTypes.contains(statement.predicateType())) {
            return new AttestationVerdict(
                    new Verification.Rejected("attestation has predicate type "
                            + SimpleSigningPayload.printable(statement.predicateType()) + ", not " + acceptedTypes),
                    statement.predicateType());
        }
        return new AttestationVerdict(
                new Verification.Verified(
                        statement.predicateType() + " attestation by key " + hint(key) + " about " + imageDigest),
                statement.predicateType(),
                statement);
    }

    private static Verification coverage(byte[] payload, String imageDigest, PublicKey key, String what) {
        return coverage(payload, imageDigest, what, "key " + hint(key));
    }

    /**
     * Whether an authentic simple-signing payload names the image's digest: the check that stops a valid
     * signature of image A from vouching for image B. For callers that established authenticity some other
     * way (a keyless bundle verified against a trusted root).
     *
     * @param what how the signature is named in the verdict ({@code keyless bundle signature})
     * @param signer who signed, for the verdict ({@code identity 'x' from issuer 'y'})
     */
    public static Verification coverage(byte[] payload, String imageDigest, String what, String signer) {
        SimpleSigningPayload parsed;
        try {
            parsed = SimpleSigningPayload.parse(payload, "signed payload");
        } catch (InvalidInputException e) {
            return new Verification.Rejected(what + " is valid but " + e.getMessage());
        }
        String covered = parsed.manifestDigest().toLowerCase(Locale.ROOT);
        if (!covered.equals(imageDigest)) {
            return new Verification.Rejected(
                    what + " covers " + SimpleSigningPayload.printable(covered) + ", not the image " + imageDigest);
        }
        return new Verification.Verified(what + " by " + signer + " over " + imageDigest);
    }

    private static boolean signatureValid(byte[] payload, byte[] signature, PublicKey key) {
        try {
            Signature verifier = Signature.getInstance(SignatureSchemes.forKey(key));
            verifier.initVerify(key);
            verifier.update(payload);
            return verifier.verify(signature);
        } catch (SignatureException e) {
            return false; // malformed DER or wrong length: a failed signature, not unusable input
        } catch (GeneralSecurityException e) {
            throw new InvalidInputException("cannot verify with this key: " + e.getMessage(), null, e);
        }
    }

    private static String hint(PublicKey key) {
        return SignatureSchemes.keyHint(key).substring(0, 16) + "...";
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
    }
}
