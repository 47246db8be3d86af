package dev.assay.oci;

import com.fasterxml.jackson.databind.JsonNode;
import dev.assay.model.InvalidInputException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A content descriptor: what a manifest or index says about one blob. The size is part of the claim, so a
 * blob longer than its descriptor is rejected before it can fill the disk.
 *
 * @param platform only set on the entries of an index
 */
public record Descriptor(
        String mediaType, Digest digest, long size, Platform platform, Map<String, String> annotations) {
    public static final String REF_NAME = "org.opencontainers.image.ref.name";

    public Descriptor {
        annotations = Map.copyOf(annotations);
        if (size < 0) {
            throw new InvalidInputException("negative blob size " + size + " for " + digest, String.valueOf(digest));
        }
    }

    public Optional<String> annotation(String key) {
        return Optional.ofNullable(annotations.get(key));
    }

    static Descriptor fromJson(JsonNode node, String where) {
        if (node == null || !node.isObject()) {
            throw new InvalidInputException(where + ": a descriptor must be a JSON object", where);
        }
        JsonNode digest = node.get("digest");
        JsonNode size = node.get("size");
        if (digest == null || !digest.isTextual()) {
            throw new InvalidInputException(where + ": descriptor without a digest", where);
        }
        if (size == null || !size.canConvertToLong()) {
            throw new InvalidInputException(where + ": descriptor " + digest.asText() + " without a size", where);
        }
        Platform platform = null;
        JsonNode platformNode = node.get("platform");
        if (platformNode != null && platformNode.isObject()) {
            String os = platformNode.path("os").asText("");
            String architecture = platformNode.path("architecture").asText("");
            if (!os.isEmpty() && !architecture.isEmpty()) {
                platform = new Platform(
                        os, architecture, platformNode.path("variant").asText(null));
            }
        }
        Map<String, String> annotations = new LinkedHashMap<>();
        JsonNode annotationsNode = node.get("annotations");
        if (annotationsNode != null && annotationsNode.isObject()) {
            annotationsNode.properties().forEach(entry -> {
                if (entry.getValue().isTextual()) {
                    annotations.put(entry.getKey(), entry.getValue().asText());
                }
            });
        }
        return new Descriptor(
                node.path("mediaType").asText(""), Digest.parse(digest.asText()), size.asLong(), platform, annotations);
    }
}
