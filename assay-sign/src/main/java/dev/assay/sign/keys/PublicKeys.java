package dev.assay.sign.keys;

import dev.assay.model.InvalidInputException;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.List;

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
        for (String algorithm : List.of("EC", "Ed25519", "RSA")) {
            try {
                return KeyFactory.getInstance(algorithm).generatePublic(new X509EncodedKeySpec(pem.content()));
            } catch (GeneralSecurityException e) {
                // Not this algorithm; the next factory may read it.
            }
        }
        throw new InvalidInputException(name + " is not an EC, Ed25519 or RSA public key", name);
    }
}
