package dev.assay.sign.dsse;

import dev.assay.model.InvalidInputException;
import dev.assay.sign.keys.SignatureSchemes;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.util.List;

/** Signs payloads into single-signature DSSE envelopes with a local key. */
public final class DsseSigner {
    private DsseSigner() {}

    /** @param publicKey the matching public key; its fingerprint becomes the signature's key id */
    public static DsseEnvelope sign(String payloadType, byte[] payload, PrivateKey privateKey, PublicKey publicKey) {
        try {
            Signature signer = Signature.getInstance(SignatureSchemes.forKey(privateKey));
            signer.initSign(privateKey);
            signer.update(PreAuthenticationEncoding.encode(payloadType, payload));
            DsseSignature signature = new DsseSignature(SignatureSchemes.keyHint(publicKey), signer.sign());
            return new DsseEnvelope(payloadType, payload, List.of(signature));
        } catch (GeneralSecurityException e) {
            throw new InvalidInputException("cannot sign with this key: " + e.getMessage(), null, e);
        }
    }
}
