package dev.assay.sign.image;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.assay.model.InvalidInputException;
import dev.assay.model.untrusted.SafeJson;
import dev.assay.sign.dsse.DsseEnvelope;
import dev.assay.sign.dsse.DsseSigner;
import dev.assay.sign.intoto.Statement;
import dev.assay.sign.keys.SignatureSchemes;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;

/** Signs image payloads and attestation statements with a local key, in cosign's schemes. */
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

    /** An in-toto statement in a DSSE envelope, as {@code cosign attest} stores it. */
    public static DsseEnvelope attest(Statement statement, PrivateKey privateKey, PublicKey publicKey) {
        return DsseSigner.sign(Statement.PAYLOAD_TYPE, statement.toJsonBytes(), privateKey, publicKey);
    }

    /** A Sigstore bundle v0.3 carrying a DSSE envelope (no transparency-log entry: offline signing). */
    public static String dsseBundleJson(DsseEnvelope envelope, PublicKey publicKey) {
        ObjectNode bundle = SafeJson.mapper().createObjectNode();
        bundle.put("mediaType", CosignFormats.BUNDLE_MEDIA_TYPE);
        ObjectNode material = bundle.putObject("verificationMaterial");
        material.putObject("publicKey").put("hint", SignatureSchemes.keyHint(publicKey));
        material.putArray("tlogEntries");
        bundle.set("dsseEnvelope", envelope.toJsonNode());
        return bundle.toPrettyString() + "\n";
    }
}
