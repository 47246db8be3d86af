package dev.assay.sign;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.assay.model.untrusted.SafeJson;

/**
 * The parts of a Sigstore bundle every signing format shares: the media type and the verification material
 * of a key-signed bundle (a public-key hint, no certificate, no transparency-log entry: Assay signs offline).
 */
public final class SigstoreBundles {
    public static final String MEDIA_TYPE = "application/vnd.dev.sigstore.bundle.v0.3+json";

    /** Every bundle version's media type starts so (v0.1 to v0.3 and the plain {@code +json} form). */
    private static final String MEDIA_TYPE_PREFIX = "application/vnd.dev.sigstore.bundle";

    private SigstoreBundles() {}

    public static boolean isBundle(JsonNode document) {
        return document.path("mediaType").asText("").startsWith(MEDIA_TYPE_PREFIX);
    }

    /** A v0.3 bundle whose verification material names the signing key by its hint; content is added after. */
    public static ObjectNode keySigned(String keyHint) {
        ObjectNode bundle = SafeJson.mapper().createObjectNode();
        bundle.put("mediaType", MEDIA_TYPE);
        ObjectNode material = bundle.putObject("verificationMaterial");
        material.putObject("publicKey").put("hint", keyHint);
        material.putArray("tlogEntries");
        return bundle;
    }
}
