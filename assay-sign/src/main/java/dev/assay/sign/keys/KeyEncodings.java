package dev.assay.sign.keys;

import dev.assay.model.InvalidInputException;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Map;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;

/**
 * Reads DER-encoded keys (SubjectPublicKeyInfo, PKCS#8) of the three supported types, choosing the JCA
 * factory from the algorithm identifier the encoding carries rather than by trying each factory in turn.
 */
final class KeyEncodings {
    private static final Map<ASN1ObjectIdentifier, String> FACTORY_BY_ALGORITHM = Map.of(
            new ASN1ObjectIdentifier("1.2.840.10045.2.1"), "EC",
            new ASN1ObjectIdentifier("1.3.101.112"), "Ed25519",
            new ASN1ObjectIdentifier("1.2.840.113549.1.1.1"), "RSA");

    private KeyEncodings() {}

    static PublicKey publicKey(byte[] subjectPublicKeyInfo, String name) {
        try {
            ASN1ObjectIdentifier algorithm = SubjectPublicKeyInfo.getInstance(subjectPublicKeyInfo)
                    .getAlgorithm()
                    .getAlgorithm();
            return factory(algorithm, name).generatePublic(new X509EncodedKeySpec(subjectPublicKeyInfo));
        } catch (IllegalArgumentException | ClassCastException | GeneralSecurityException e) {
            throw new InvalidInputException(name + " is not an EC, Ed25519 or RSA public key", name, e);
        }
    }

    static PrivateKey privateKey(byte[] pkcs8, String name) {
        try {
            ASN1ObjectIdentifier algorithm =
                    PrivateKeyInfo.getInstance(pkcs8).getPrivateKeyAlgorithm().getAlgorithm();
            return factory(algorithm, name).generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
        } catch (IllegalArgumentException | ClassCastException | GeneralSecurityException e) {
            throw new InvalidInputException(name + ": the key is not an EC, Ed25519 or RSA private key", name, e);
        }
    }

    private static KeyFactory factory(ASN1ObjectIdentifier algorithm, String name) throws GeneralSecurityException {
        String jcaName = FACTORY_BY_ALGORITHM.get(algorithm);
        if (jcaName == null) {
            throw new InvalidInputException(
                    name + ": unsupported key algorithm " + algorithm.getId() + " (expected EC, Ed25519 or RSA)", name);
        }
        return KeyFactory.getInstance(jcaName);
    }
}
