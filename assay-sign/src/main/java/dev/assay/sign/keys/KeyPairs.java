package dev.assay.sign.keys;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.RSAKeyGenParameterSpec;

/** New signing key pairs from the JDK's own providers and a strong random source. */
public final class KeyPairs {
    private KeyPairs() {}

    public static KeyPair generate(KeyAlgorithm algorithm) {
        try {
            // The default source: getInstanceStrong() may block for minutes on an idle CI machine.
            SecureRandom random = new SecureRandom();
            KeyPairGenerator generator = KeyPairGenerator.getInstance(
                    switch (algorithm) {
                        case ECDSA_P256 -> "EC";
                        case ED25519 -> "Ed25519";
                        case RSA_3072 -> "RSA";
                    });
            switch (algorithm) {
                case ECDSA_P256 -> generator.initialize(new ECGenParameterSpec("secp256r1"), random);
                case ED25519 -> generator.initialize(255, random);
                case RSA_3072 ->
                    generator.initialize(new RSAKeyGenParameterSpec(3072, RSAKeyGenParameterSpec.F4), random);
            }
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JDK cannot generate " + algorithm.id() + " keys", e);
        }
    }
}
