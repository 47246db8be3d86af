package dev.assay.engine;

import dev.assay.sigstore.IdentityPolicy;
import dev.assay.sigstore.TrustRoot;
import java.security.PublicKey;
import java.util.Objects;

/**
 * Whom an image's signatures and attestations must come from: the holder of a public key, or a keyless
 * identity whose Fulcio certificate chains to a trusted root. Keyless signatures are read from Sigstore
 * bundles attached as OCI referrers (cosign's bundle format); cosign's older tag-based keyless signatures,
 * which carry the certificate in annotations, are not read.
 */
public sealed interface SignatureTrust {
    /** How verdicts name the signer. */
    String describe();

    record Key(PublicKey key) implements SignatureTrust {
        public Key {
            Objects.requireNonNull(key, "key");
        }

        @Override
        public String describe() {
            return "key " + dev.assay.sign.keys.SignatureSchemes.keyHint(key).substring(0, 16) + "...";
        }
    }

    record Keyless(TrustRoot root, IdentityPolicy identity) implements SignatureTrust {
        public Keyless {
            Objects.requireNonNull(root, "root");
            Objects.requireNonNull(identity, "identity");
        }

        @Override
        public String describe() {
            return identity.describe();
        }
    }
}
