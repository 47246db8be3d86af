package dev.assay.sign.dsse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.assay.model.InvalidInputException;
import dev.assay.model.untrusted.SafeJson;
import dev.assay.sign.JsonFields;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/** A DSSE envelope: payload, its type and the signatures over their pre-authentication encoding. */
public record DsseEnvelope(String payloadType, byte[] payload, List<DsseSignature> signatures) {
    public static final String MEDIA_TYPE = "application/vnd.dsse.envelope.v1+json";

    public DsseEnvelope {
        payload = payload.clone();
        signatures = List.copyOf(signatures);
    }

    @Override
    public byte[] payload() {
        return payload.clone();
    }

    /** The bytes the signatures cover. */
    public byte[] signedBytes() {
        return PreAuthenticationEncoding.encode(payloadType, payload);
    }

    public ObjectNode toJsonNode() {
        ObjectNode node = SafeJson.mapper().createObjectNode();
        node.put("payloadType", payloadType);
        node.put("payload", Base64.getEncoder().encodeToString(payload));
        ArrayNode array = node.putArray("signatures");
        for (DsseSignature signature : signatures) {
            ObjectNode entry = array.addObject();
            entry.put("keyid", signature.keyId());
            entry.put("sig", Base64.getEncoder().encodeToString(signature.signature()));
        }
        return node;
    }

    public String toJson() {
        return toJsonNode().toPrettyString() + "\n";
    }

    /**
     * @param name how the envelope is named in errors
     * @throws InvalidInputException when the bytes are not a DSSE envelope with at least one signature
     */
    public static DsseEnvelope parse(byte[] json, String name) {
        return fromJson(SafeJson.read(json, name), name);
    }

    /** Reads an envelope already parsed, for example the {@code dsseEnvelope} of a Sigstore bundle. */
    public static DsseEnvelope fromJson(JsonNode node, String name) {
        if (!node.isObject()) {
            throw new InvalidInputException(name + " is not a DSSE envelope (not a JSON object)", name);
        }
        JsonNode type = node.path("payloadType");
        if (!type.isTextual() || type.asText().isEmpty()) {
            throw new InvalidInputException(name + " is not a DSSE envelope: 'payloadType' is missing", name);
        }
        byte[] payload = JsonFields.base64(node.path("payload"), name, "payload");
        JsonNode signatureArray = node.path("signatures");
        if (!signatureArray.isArray() || signatureArray.isEmpty()) {
            throw new InvalidInputException(name + ": the DSSE envelope carries no signatures", name);
        }
        List<DsseSignature> signatures = new ArrayList<>(signatureArray.size());
        for (int i = 0; i < signatureArray.size(); i++) {
            JsonNode entry = signatureArray.get(i);
            byte[] sig = JsonFields.base64(entry.path("sig"), name, "signatures[" + i + "].sig");
            JsonNode keyId = entry.path("keyid");
            signatures.add(new DsseSignature(keyId.isTextual() ? keyId.asText() : "", sig));
        }
        return new DsseEnvelope(type.asText(), payload, signatures);
    }
}
