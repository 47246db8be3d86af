package dev.assay.sign.keys;

import dev.assay.model.InvalidInputException;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.util.HexFormat;

/**
 * The JCA signature algorithm cosign uses for each key type: ECDSA and RSA (PKCS#1 v1.5) over SHA-256,
 * Ed25519 over the message itself.
 */
public final class SignatureSchemes {
    private SignatureSchemes() {}

    public static String forKey(Key key) {
        return switch (key.getAlgorithm()) {
            case "EC" -> "SHA256withECDSA";
            case "RSA" -> "SHA256withRSA";
            case "EdDSA", "Ed25519" -> "Ed25519";
            default ->
                throw new InvalidInputException(
                        "unsupported key type " + key.getAlgorithm() + " (expected EC, Ed25519 or RSA)", null);
        };
    }

    /** The hex SHA-256 of the public key's SubjectPublicKeyInfo: names the key without revealing anything. */
    public static String keyHint(PublicKey publicKey) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(publicKey.getEncoded()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
    }
}
