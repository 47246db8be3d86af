package dev.assay.sigstore;

import dev.assay.sign.keys.SignatureSchemes;
import java.security.PublicKey;
import java.security.cert.X509Certificate;

/** What verifies the bundle's signature: a Fulcio leaf certificate, or a key the verifier was given. */
sealed interface SigningMaterial {
    PublicKey publicKey();

    /** For messages. */
    String describe();

    record Leaf(X509Certificate certificate) implements SigningMaterial {
        @Override
        public PublicKey publicKey() {
            return certificate.getPublicKey();
        }

        @Override
        public String describe() {
            return "the certificate";
        }
    }

    record Key(PublicKey key) implements SigningMaterial {
        @Override
        public PublicKey publicKey() {
            return key;
        }

        @Override
        public String describe() {
            return "key " + SignatureSchemes.keyHint(key).substring(0, 16) + "...";
        }
    }
}
