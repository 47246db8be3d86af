package dev.assay.sign.image;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.assay.model.InvalidInputException;
import dev.assay.model.untrusted.SafeJson;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * cosign's "simple signing" payload: what an image signature signs. The {@code critical} section binds the
 * signature to one manifest digest (and names the repository); {@code optional} carries the signer's
 * annotations, which verifiers report but never trust for identity.
 *
 * @param dockerReference the repository the image was signed in, e.g. {@code registry.example/app}
 * @param manifestDigest the signed manifest's digest, e.g. {@code sha256:...}
 * @param annotations the {@code optional} section's string values (empty when it is null)
 */
public record SimpleSigningPayload(String dockerReference, String manifestDigest, Map<String, String> annotations) {
    public static final String TYPE = "cosign container image signature";

    /** Upper bound on a payload read from a registry; real ones are a few hundred bytes. */
    public static final long MAX_BYTES = 256 * 1024;

    public SimpleSigningPayload {
        annotations = Map.copyOf(annotations);
    }

    public byte[] toJsonBytes() {
        ObjectNode root = SafeJson.mapper().createObjectNode();
        ObjectNode critical = root.putObject("critical");
        critical.putObject("identity").put("docker-reference", dockerReference);
        critical.putObject("image").put("docker-manifest-digest", manifestDigest);
        critical.put("type", TYPE);
        if (annotations.isEmpty()) {
            root.putNull("optional");
        } else {
            ObjectNode optional = root.putObject("optional");
            new TreeMap<>(annotations).forEach(optional::put);
        }
        return root.toString().getBytes(StandardCharsets.UTF_8);
    }

    /**
     * @param name how the payload is named in errors
     * @throws InvalidInputException when the bytes are not a simple-signing payload of an image signature
     */
    public static SimpleSigningPayload parse(byte[] payload, String name) {
        if (payload.length > MAX_BYTES) {
            throw new InvalidInputException(name + " is larger than " + MAX_BYTES + " bytes", name);
        }
        JsonNode root = SafeJson.read(payload, name);
        JsonNode critical = root.path("critical");
        String type = critical.path("type").asText("");
        if (!type.equals(TYPE)) {
            throw new InvalidInputException(
                    name + " is not a cosign image signature payload (critical.type '" + printable(type) + "')", name);
        }
        JsonNode digest = critical.path("image").path("docker-manifest-digest");
        if (!digest.isTextual()) {
            throw new InvalidInputException(name + ": critical.image.docker-manifest-digest is missing", name);
        }
        Map<String, String> annotations = new LinkedHashMap<>();
        root.path("optional").properties().forEach(entry -> {
            if (entry.getValue().isValueNode()) {
                annotations.put(entry.getKey(), entry.getValue().asText());
            }
        });
        return new SimpleSigningPayload(
                critical.path("identity").path("docker-reference").asText(""), digest.asText(), annotations);
    }

    static String printable(String text) {
        String cleaned = text.replaceAll("\\p{Cntrl}", "?");
        return cleaned.length() > 100 ? cleaned.substring(0, 100) + "..." : cleaned;
    }
}
