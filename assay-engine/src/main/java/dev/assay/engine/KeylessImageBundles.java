package dev.assay.engine;

import dev.assay.model.InvalidInputException;
import dev.assay.sign.Verification;
import dev.assay.sign.dsse.DsseEnvelope;
import dev.assay.sign.image.ImageSignatureVerifier;
import dev.assay.sign.image.ImageSignatureVerifier.AttestationVerdict;
import dev.assay.sign.intoto.Statement;
import dev.assay.sigstore.KeylessBundleVerifier;
import java.util.List;

/**
 * Keyless checks of the Sigstore bundles attached to an image as referrers, on top of the offline bundle
 * verification of {@code assay-sigstore} (certificate chain, identity, transparency log, signing time).
 * Kept apart from {@link ImageSignatureVerifications} so that key-only verification never loads the
 * Sigstore classes.
 */
final class KeylessImageBundles {
    private KeylessImageBundles() {}

    /**
     * A message-signature bundle over the simple-signing payload stored beside it, which must name the
     * image's digest.
     */
    static Verification verifyMessage(
            byte[] bundle, byte[] payload, SignatureTrust.Keyless trust, String imageDigest, String location) {
        Verification signature = KeylessBundleVerifier.verify(
                payload,
                "the signed payload of " + location,
                bundle,
                "bundle of " + location,
                trust.root(),
                trust.identity());
        if (signature instanceof Verification.Rejected rejected) {
            return new Verification.Rejected("keyless bundle signature: " + rejected.reason());
        }
        return ImageSignatureVerifier.coverage(payload, imageDigest, "keyless bundle signature", trust.describe());
    }

    /**
     * A DSSE bundle whose in-toto statement must name the image: the bundle is verified with the image
     * manifest as its artifact, whose SHA-256 is the image digest.
     */
    static AttestationVerdict verifyAttestation(
            byte[] bundle,
            DsseEnvelope envelope,
            byte[] manifest,
            SignatureTrust.Keyless trust,
            String imageDigest,
            List<String> acceptedTypes,
            String location) {
        Verification signature = KeylessBundleVerifier.verify(
                manifest,
                "the image manifest " + imageDigest,
                bundle,
                "bundle of " + location,
                trust.root(),
                trust.identity());
        if (signature instanceof Verification.Rejected rejected) {
            return new AttestationVerdict(new Verification.Rejected("keyless attestation: " + rejected.reason()), null);
        }
        Statement statement;
        try {
            statement = Statement.parse(envelope.payload(), "attestation statement");
        } catch (InvalidInputException e) {
            return new AttestationVerdict(new Verification.Rejected(e.getMessage()), null);
        }
        if (!acceptedTypes.isEmpty() && !acceptedTypes.contains(statement.predicateType())) {
            return new AttestationVerdict(
                    new Verification.Rejected("attestation has predicate type "
                            + dev.assay.sign.SignedText.printable(statement.predicateType()) + ", not "
                            + acceptedTypes),
                    statement.predicateType());
        }
        return new AttestationVerdict(
                new Verification.Verified(
                        statement.predicateType() + " attestation by " + trust.describe() + " about " + imageDigest),
                statement.predicateType(),
                statement);
    }
}
