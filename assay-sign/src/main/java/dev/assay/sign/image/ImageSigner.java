package dev.assay.sign.image;

import dev.assay.model.InvalidInputException;
import dev.assay.sign.keys.SignatureSchemes;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;

/**
 * Signs cosign simple-signing payloads with a local key. Attestations about images are signed as any other
 * ({@link dev.assay.sign.attest.SignedAttestation}).
 */
public final class ImageSigner {
    private ImageSigner() {}

    /** @param publicKey the matching public key; its fingerprint is the bundle's key hint */
    public static SignedPayload sign(SimpleSigningPayload payload, PrivateKey privateKey, PublicKey publicKey) {
        byte[] bytes = payload.toJsonBytes();
        try {
            Signature signer = Signature.getInstance(SignatureSchemes.forKey(privateKey));
            signer.initSign(privateKey);
            signer.update(bytes);
            return new SignedPayload(bytes, signer.sign(), SignatureSchemes.keyHint(publicKey));
        } catch (GeneralSecurityException e) {
            throw new InvalidInputException("cannot sign with this key: " + e.getMessage(), null, e);
        }
    }
}
