package dev.assay.sign.image;

import com.fasterxml.jackson.databind.JsonNode;
import dev.assay.model.InvalidInputException;
import dev.assay.model.untrusted.SafeJson;
import dev.assay.sign.JsonFields;
import dev.assay.sign.SigstoreBundles;
import dev.assay.sign.dsse.DsseEnvelope;

/**
 * What a Sigstore bundle found as an image referrer carries: a message signature (over a simple-signing
 * payload stored beside it) or a DSSE envelope (an attestation).
 */
public sealed interface SignatureBundle {
    /** Upper bound on a bundle read from a registry. */
    long MAX_BYTES = 16L * 1024 * 1024;

    /** @param sha256 the bundle's message digest, or null when it states none */
    record MessageSignature(byte[] sha256, byte[] signature) implements SignatureBundle {}

    record Dsse(DsseEnvelope envelope) implements SignatureBundle {}

    /**
     * @param name how the bundle is named in errors
     * @throws InvalidInputException when the bytes are not a Sigstore bundle with either content
     */
    static SignatureBundle parse(byte[] bytes, String name) {
        JsonNode bundle = SafeJson.read(bytes, name);
        if (!SigstoreBundles.isBundle(bundle)) {
            throw new InvalidInputException(name + " is not a Sigstore bundle (no bundle mediaType)", name);
        }
        JsonNode dsse = bundle.get("dsseEnvelope");
        if (dsse != null) {
            return new Dsse(DsseEnvelope.fromJson(dsse, name + " dsseEnvelope"));
        }
        JsonNode message = bundle.path("messageSignature");
        if (!message.isObject()) {
            throw new InvalidInputException(name + " carries neither a message signature nor a DSSE envelope", name);
        }
        byte[] signature = JsonFields.base64(message.path("signature"), name, "messageSignature.signature");
        JsonNode digest = message.path("messageDigest");
        byte[] sha256 = null;
        if (digest.isObject()) {
            if (!digest.path("algorithm").asText("").equals("SHA2_256")) {
                throw new InvalidInputException(
                        name + ": unsupported message digest algorithm '"
                                + SimpleSigningPayload.printable(
                                        digest.path("algorithm").asText("")) + "'",
                        name);
            }
            sha256 = JsonFields.base64(digest.path("digest"), name, "messageSignature.messageDigest.digest");
        }
        return new MessageSignature(sha256, signature);
    }
}
