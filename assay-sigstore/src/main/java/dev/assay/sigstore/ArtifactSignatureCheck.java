package dev.assay.sigstore;

import dev.assay.model.InvalidInputException;
import dev.assay.sign.intoto.Statement;
import dev.assay.sign.intoto.Subject;
import dev.assay.sigstore.SigstoreBundle.Content;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.NoSuchFileException;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import java.security.SignatureException;
import java.security.interfaces.ECPublicKey;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Checks the bundle's own signature: over the artifact (message signature, the file read once for its
 * digests and the signature), or over a DSSE envelope whose in-toto statement names the artifact's SHA-256
 * among its subjects.
 */
final class ArtifactSignatureCheck {
    private ArtifactSignatureCheck() {}

    static Evidence verify(Artifact artifact, Content content, SigningMaterial signer) throws CheckFailed {
        return switch (content) {
            case Content.MessageSignature message -> message(artifact, message, signer);
            case Content.Dsse envelope -> dsse(artifact, envelope, signer);
        };
    }

    private static Evidence message(Artifact artifact, Content.MessageSignature message, SigningMaterial signer)
            throws CheckFailed {
        PublicKey key = signer.publicKey();
        DigestAlgorithm hash = message.digestAlgorithm().orElse(defaultHash(key));
        Signature verifier = verifier(key, hash);
        Set<DigestAlgorithm> algorithms = EnumSet.of(DigestAlgorithm.SHA2_256, hash);
        Map<DigestAlgorithm, byte[]> digests = read(artifact, algorithms, verifier);
        if (message.digest() != null && !MessageDigest.isEqual(message.digest(), digests.get(hash))) {
            throw new CheckFailed("artifact digest mismatch: the artifact is " + hash.label() + ":"
                    + LogEntryBody.hexOf(digests.get(hash)) + ", the bundle's message digest is "
                    + LogEntryBody.hexOf(message.digest()));
        }
        if (!verifies(verifier, message.signature())) {
            throw new CheckFailed("the bundle's signature does not verify over the artifact with " + signer.describe());
        }
        return new Evidence(message, message.signature(), digests, signer);
    }

    private static Evidence dsse(Artifact artifact, Content.Dsse envelope, SigningMaterial signer) throws CheckFailed {
        if (!envelope.payloadType().equals(Statement.PAYLOAD_TYPE)) {
            throw new CheckFailed("the DSSE envelope's payload type is '" + JsonPath.abbreviate(envelope.payloadType())
                    + "', not an in-toto statement (" + Statement.PAYLOAD_TYPE + ")");
        }
        if (envelope.signatures().size() != 1) {
            throw new CheckFailed("the DSSE envelope carries "
                    + envelope.signatures().size() + " signatures; a Sigstore bundle's envelope carries exactly one");
        }
        Statement statement;
        try {
            statement = Statement.parse(envelope.payload(), "the DSSE payload");
        } catch (InvalidInputException e) {
            throw new CheckFailed(e.getMessage());
        }
        Map<DigestAlgorithm, byte[]> digests = read(artifact, EnumSet.of(DigestAlgorithm.SHA2_256), null);
        String sha256 = LogEntryBody.hexOf(digests.get(DigestAlgorithm.SHA2_256));
        if (statement.subjectWithSha256(sha256).isEmpty()) {
            throw new CheckFailed("artifact digest mismatch: the artifact (sha256:" + sha256
                    + ") is not a subject of the in-toto statement (subjects: " + subjects(statement) + ")");
        }
        byte[] signature = envelope.signatures().get(0);
        Signature verifier = verifier(signer.publicKey(), defaultHash(signer.publicKey()));
        try {
            verifier.update(envelope.preAuthenticationEncoding());
        } catch (SignatureException e) {
            throw new IllegalStateException("an initialized verifier refused input", e);
        }
        if (!verifies(verifier, signature)) {
            throw new CheckFailed("the DSSE envelope's signature does not verify with " + signer.describe());
        }
        return new Evidence(envelope, signature, digests, signer);
    }

    private static String subjects(Statement statement) {
        return statement.subjects().stream()
                        .limit(5)
                        .map(ArtifactSignatureCheck::describe)
                        .collect(Collectors.joining(", "))
                + (statement.subjects().size() > 5 ? ", ..." : "");
    }

    private static String describe(Subject subject) {
        return "'" + JsonPath.abbreviate(subject.name()) + "' sha256:"
                + subject.digest().getOrDefault("sha256", "(none)");
    }

    /** Sigstore's key details pair each curve with its hash: P-384 with SHA-384, P-521 with SHA-512. */
    static DigestAlgorithm defaultHash(PublicKey key) {
        if (key instanceof ECPublicKey ec) {
            int bits = ec.getParams().getCurve().getField().getFieldSize();
            if (bits > 384) {
                return DigestAlgorithm.SHA2_512;
            }
            if (bits > 256) {
                return DigestAlgorithm.SHA2_384;
            }
        }
        return DigestAlgorithm.SHA2_256;
    }

    private static Signature verifier(PublicKey key, DigestAlgorithm hash) throws CheckFailed {
        String scheme = switch (key.getAlgorithm()) {
            case "EC" -> hash.signaturePrefix() + "withECDSA";
            case "RSA" -> hash.signaturePrefix() + "withRSA";
            case "EdDSA", "Ed25519" -> "Ed25519";
            default -> throw new CheckFailed("unsupported signing key type " + key.getAlgorithm());
        };
        try {
            Signature verifier = Signature.getInstance(scheme);
            verifier.initVerify(key);
            return verifier;
        } catch (GeneralSecurityException e) {
            throw new CheckFailed("the signing key cannot verify " + scheme + " signatures: " + TrustRoot.describe(e));
        }
    }

    private static boolean verifies(Signature verifier, byte[] signature) {
        try {
            return verifier.verify(signature);
        } catch (SignatureException e) {
            return false; // a malformed signature (bad DER, wrong length) is a failed signature
        }
    }

    /** One pass over the artifact: every requested digest, and the signature verifier when given. */
    private static Map<DigestAlgorithm, byte[]> read(
            Artifact artifact, Set<DigestAlgorithm> algorithms, Signature verifier) {
        Map<DigestAlgorithm, MessageDigest> digests = new EnumMap<>(DigestAlgorithm.class);
        algorithms.forEach(algorithm -> digests.put(algorithm, algorithm.newDigest()));
        try (InputStream in = artifact.open()) {
            byte[] buffer = new byte[64 * 1024];
            for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                for (MessageDigest digest : digests.values()) {
                    digest.update(buffer, 0, read);
                }
                if (verifier != null) {
                    verifier.update(buffer, 0, read);
                }
            }
        } catch (NoSuchFileException e) {
            throw new InvalidInputException("no such file: " + artifact.name(), artifact.name(), e);
        } catch (IOException e) {
            throw new InvalidInputException(
                    "cannot read " + artifact.name() + ": " + e.getMessage(), artifact.name(), e);
        } catch (SignatureException e) {
            throw new IllegalStateException("an initialized verifier refused input", e);
        }
        Map<DigestAlgorithm, byte[]> result = new EnumMap<>(DigestAlgorithm.class);
        digests.forEach((algorithm, digest) -> result.put(algorithm, digest.digest()));
        return result;
    }
}
