package dev.assay.sign.blob;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.assay.sign.SigstoreBundles;
import java.util.Base64;

/**
 * A signature over a file and the file's SHA-256 digest, renderable as cosign's detached base64 signature or
 * as a Sigstore bundle v0.3 with a message signature (no transparency-log entry: signing here is offline).
 */
public record BlobSignature(byte[] sha256, byte[] signature, String keyHint) {
    public static final String BUNDLE_MEDIA_TYPE = SigstoreBundles.MEDIA_TYPE;

    public String base64Signature() {
        return Base64.getEncoder().encodeToString(signature);
    }

    public String bundleJson() {
        ObjectNode bundle = SigstoreBundles.keySigned(keyHint);
        ObjectNode message = bundle.putObject("messageSignature");
        ObjectNode digest = message.putObject("messageDigest");
        digest.put("algorithm", "SHA2_256");
        digest.put("digest", Base64.getEncoder().encodeToString(sha256));
        message.put("signature", base64Signature());
        return bundle.toPrettyString() + "\n";
    }
}
