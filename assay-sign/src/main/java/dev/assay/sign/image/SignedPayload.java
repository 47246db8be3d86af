package dev.assay.sign.image;

import dev.assay.sign.blob.BlobSignature;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * A simple-signing payload and the signature over its exact bytes: stored as a {@code .sig} layer (payload
 * as the blob, signature in an annotation) or as a Sigstore bundle with a message signature.
 */
public record SignedPayload(byte[] payload, byte[] signature, String keyHint) {
    public SignedPayload {
        payload = payload.clone();
        signature = signature.clone();
    }

    @Override
    public byte[] payload() {
        return payload.clone();
    }

    @Override
    public byte[] signature() {
        return signature.clone();
    }

    public String base64Signature() {
        return Base64.getEncoder().encodeToString(signature);
    }

    /** A Sigstore bundle v0.3 whose message signature covers the payload (the bundle's message). */
    public String bundleJson() {
        try {
            byte[] sha256 = MessageDigest.getInstance("SHA-256").digest(payload);
            return new BlobSignature(sha256, signature, keyHint).bundleJson();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
    }
}
