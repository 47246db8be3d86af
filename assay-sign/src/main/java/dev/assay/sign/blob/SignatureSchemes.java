package dev.assay.sign.blob;

import dev.assay.model.InvalidInputException;
import java.security.Key;

/**
 * The JCA signature algorithm cosign uses for each key type: ECDSA and RSA (PKCS#1 v1.5) over SHA-256,
 * Ed25519 over the message itself.
 */
final class SignatureSchemes {
    private SignatureSchemes() {}

    static String forKey(Key key) {
        return switch (key.getAlgorithm()) {
            case "EC" -> "SHA256withECDSA";
            case "RSA" -> "SHA256withRSA";
            case "EdDSA", "Ed25519" -> "Ed25519";
            default ->
                throw new InvalidInputException(
                        "unsupported key type " + key.getAlgorithm() + " (expected EC, Ed25519 or RSA)", null);
        };
    }
}
