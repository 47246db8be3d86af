package dev.assay.oci;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.assay.model.InvalidInputException;
import dev.assay.model.untrusted.SafeJson;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A content descriptor: what a manifest or index says about one blob. The size is part of the claim, so a
 * blob longer than its descriptor is rejected before it can fill the disk.
 *
 * @param platform only set on the entries of an index
 * @param artifactType the artifact's type, set on referrers (OCI 1.1); null otherwise
 */
public record Descriptor(
        String mediaType,
        Digest digest,
        long size,
        Platform platform,
        Map<String, String> annotations,
        String artifactType) {
    public static final String REF_NAME = "org.opencontainers.image.ref.name";

    public Descriptor(String mediaType, Digest digest, long size, Platform platform, Map<String, String> annotations) {
        this(mediaType, digest, size, platform, annotations, null);
    }

    /** The descriptor of some bytes, as a manifest names a blob or a registry names a manifest. */
    public static Descriptor of(String mediaType, byte[] content) {
        return new Descriptor(mediaType, Digest.sha256(content), content.length, null, Map.of());
    }

    public Descriptor withAnnotations(Map<String, String> values) {
        return new Descriptor(mediaType, digest, size, platform, values, artifactType);
    }

    public Descriptor withArtifactType(String value) {
        return new Descriptor(mediaType, digest, size, platform, annotations, value);
    }

    /** The descriptor as JSON, in the field order the OCI specs show. */
    public ObjectNode toJson() {
        ObjectNode node = SafeJson.mapper().createObjectNode();
        node.put("mediaType", mediaType);
        node.put("digest", digest.toString());
        node.put("size", size);
        if (artifactType != null) {
            node.put("artifactType", artifactType);
        }
        if (platform != null) {
            ObjectNode platformNode = node.putObject("platform");
            platformNode.put("architecture", platform.architecture());
            platformNode.put("os", platform.os());
            if (platform.variant() != null) {
                platformNode.put("variant", platform.variant());
            }
        }
        if (!annotations.isEmpty()) {
            ObjectNode annotationsNode = node.putObject("annotations");
            new TreeMap<>(annotations).forEach(annotationsNode::put);
        }
        return node;
    }

    public Descriptor {
        annotations = Map.copyOf(annotations);
        if (size < 0) {
            throw new InvalidInputException("negative blob size " + size + " for " + digest, String.valueOf(digest));
        }
    }

    public Optional<String> annotation(String key) {
        return Optional.ofNullable(annotations.get(key));
    }

    public static Descriptor fromJson(JsonNode node, String where) {
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
        JsonNode artifactType = node.get("artifactType");
        return new Descriptor(
                node.path("mediaType").asText(""),
                Digest.parse(digest.asText()),
                size.asLong(),
                platform,
                annotations,
                artifactType != null && artifactType.isTextual() ? artifactType.asText() : null);
    }
}
