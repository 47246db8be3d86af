package dev.assay.sign.keys;

import dev.assay.model.InvalidInputException;
import java.security.PublicKey;

/** Public keys as {@code PUBLIC KEY} PEM blocks (SubjectPublicKeyInfo), the form cosign writes and reads. */
public final class PublicKeys {
    public static final String LABEL = "PUBLIC KEY";

    private PublicKeys() {}

    public static String encode(PublicKey key) {
        return new Pem(LABEL, key.getEncoded()).encode();
    }

    /** @throws InvalidInputException when {@code pemText} is not an EC, Ed25519 or RSA public key */
    public static PublicKey decode(String pemText, String name) {
        Pem pem = Pem.decode(pemText, name);
        if (!pem.label().equals(LABEL)) {
            throw new InvalidInputException(name + " is a '" + pem.label() + "' PEM block, not a public key", name);
        }
        return KeyEncodings.publicKey(pem.content(), name);
    }
}
