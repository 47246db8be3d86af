package dev.assay.sign.blob;

import com.fasterxml.jackson.databind.JsonNode;
import dev.assay.model.InvalidInputException;
import dev.assay.model.untrusted.SafeJson;
import dev.assay.sign.JsonFields;
import dev.assay.sign.SigstoreBundles;
import dev.assay.sign.Verification;
import dev.assay.sign.attest.AttestationDocuments;
import dev.assay.sign.attest.AttestationExpectations;
import dev.assay.sign.attest.AttestationResult;
import dev.assay.sign.attest.AttestationVerifier;
import dev.assay.sign.attest.ExpectedSubject;
import dev.assay.sign.dsse.DsseEnvelope;
import dev.assay.sign.keys.SignatureSchemes;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import java.security.SignatureException;
import java.util.List;

/**
 * Verifies a file against a detached signature or a Sigstore bundle, with a public key: a message-signature
 * bundle signs the file itself, a DSSE bundle signs an in-toto statement naming the file by digest. Every
 * failed check is a {@link Verification.Rejected} naming the check; only unreadable input throws.
 */
public final class BlobVerifier {
    private BlobVerifier() {}

    public static Verification verifySignature(Path file, PublicKey key, byte[] signature) {
        return verdict(key, digest(file, key, signature));
    }

    private static Verification verdict(PublicKey key, Digested digested) {
        return digested.signatureValid()
                ? new Verification.Verified(
                        "signature by key " + SignatureSchemes.keyHint(key).substring(0, 16) + "... over sha256:"
                                + java.util.HexFormat.of().formatHex(digested.sha256()))
                : new Verification.Rejected("the signature does not match the file and key");
    }

    /**
     * @param bundleName how the bundle is named in errors
     * @throws InvalidInputException when the bundle is not a Sigstore bundle with a message signature or an
     *     in-toto DSSE envelope
     */
    public static Verification verifyBundle(Path file, PublicKey key, byte[] bundleBytes, String bundleName) {
        JsonNode bundle = SafeJson.read(bundleBytes, bundleName);
        if (!SigstoreBundles.isBundle(bundle)) {
            throw new InvalidInputException(bundleName + " is not a Sigstore bundle (no bundle mediaType)", bundleName);
        }
        if (bundle.path("dsseEnvelope").isObject()) {
            return verifyAttestationBundle(file, key, bundle, bundleName);
        }
        JsonNode message = bundle.path("messageSignature");
        if (!message.isObject()) {
            throw new InvalidInputException(
                    bundleName + " carries neither a message signature nor a DSSE envelope", bundleName);
        }
        byte[] signature = JsonFields.base64(message.path("signature"), bundleName, "messageSignature.signature");
        Digested digested = digest(file, key, signature);
        JsonNode messageDigest = message.path("messageDigest");
        if (messageDigest.isObject()) {
            if (!messageDigest.path("algorithm").asText().equals("SHA2_256")) {
                return new Verification.Rejected("unsupported message digest algorithm "
                        + messageDigest.path("algorithm").asText());
            }
            byte[] claimed = JsonFields.base64(messageDigest.path("digest"), bundleName, "messageDigest.digest");
            if (!MessageDigest.isEqual(claimed, digested.sha256())) {
                return new Verification.Rejected("the file's SHA-256 differs from the bundle's message digest");
            }
        }
        // One pass over the file gave both the digest checked above and the signature verdict.
        return verdict(key, digested);
    }

    /**
     * A DSSE bundle signs an in-toto statement, not the file: the file is verified when the statement's
     * signature holds and one of its subjects carries the file's SHA-256. Any predicate type is accepted;
     * {@code verify attestation} is the command that checks one.
     */
    private static Verification verifyAttestationBundle(Path file, PublicKey key, JsonNode bundle, String bundleName) {
        DsseEnvelope envelope = AttestationDocuments.envelope(bundle, bundleName);
        AttestationResult result = AttestationVerifier.verify(
                envelope, key, new AttestationExpectations(List.of(), List.of(ExpectedSubject.ofFile(file))));
        return result.verification();
    }

    private record Digested(byte[] sha256, boolean signatureValid) {}

    private static Digested digest(Path file, PublicKey key, byte[] signature) {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            Signature verifier = Signature.getInstance(SignatureSchemes.forKey(key));
            verifier.initVerify(key);
            byte[] buffer = new byte[64 * 1024];
            for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                digest.update(buffer, 0, read);
                verifier.update(buffer, 0, read);
            }
            boolean valid;
            try {
                valid = verifier.verify(signature);
            } catch (SignatureException e) {
                valid = false; // a malformed signature (bad DER, wrong length) is a failed signature
            }
            return new Digested(digest.digest(), valid);
        } catch (IOException e) {
            throw new InvalidInputException("cannot read " + file + ": " + e.getMessage(), file.toString(), e);
        } catch (GeneralSecurityException e) {
            throw new InvalidInputException("cannot verify with this key: " + e.getMessage(), file.toString(), e);
        }
    }
}
