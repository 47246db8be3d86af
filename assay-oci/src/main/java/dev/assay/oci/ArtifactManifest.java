package dev.assay.oci;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.assay.model.InvalidInputException;
import dev.assay.model.untrusted.SafeJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * An OCI image manifest read as an artifact: what signatures, attestations and referrers are stored as.
 * Unlike {@link ManifestDocument} it keeps what artifacts need and images ignore: the artifact type, the
 * subject (the manifest it refers to) and the manifest's annotations.
 *
 * @param artifactType the OCI 1.1 artifact type, or null (cosign's tag-scheme manifests have none)
 * @param subject the manifest this artifact refers to, or null
 */
public record ArtifactManifest(
        String artifactType,
        Descriptor config,
        List<Descriptor> layers,
        Descriptor subject,
        Map<String, String> annotations) {
    /** The empty JSON object the empty descriptor names. */
    public static final byte[] EMPTY_CONFIG = "{}".getBytes(StandardCharsets.UTF_8);

    public ArtifactManifest {
        layers = List.copyOf(layers);
        annotations = Map.copyOf(annotations);
    }

    /** The empty descriptor, the config of artifacts that carry no configuration. */
    public static Descriptor emptyConfig() {
        return Descriptor.of(MediaTypes.EMPTY, EMPTY_CONFIG);
    }

    public Optional<Descriptor> subjectDescriptor() {
        return Optional.ofNullable(subject);
    }

    public ArtifactManifest withLayers(List<Descriptor> values) {
        return new ArtifactManifest(artifactType, config, values, subject, annotations);
    }

    /** The manifest as the bytes to push; the same manifest always gives the same bytes (and digest). */
    public byte[] toJsonBytes() {
        ObjectNode node = SafeJson.mapper().createObjectNode();
        node.put("schemaVersion", 2);
        node.put("mediaType", MediaTypes.OCI_MANIFEST);
        if (artifactType != null) {
            node.put("artifactType", artifactType);
        }
        node.set("config", config.toJson());
        ArrayNode layerArray = node.putArray("layers");
        layers.forEach(layer -> layerArray.add(layer.toJson()));
        if (subject != null) {
            node.set("subject", subject.toJson());
        }
        if (!annotations.isEmpty()) {
            ObjectNode annotationsNode = node.putObject("annotations");
            new TreeMap<>(annotations).forEach(annotationsNode::put);
        }
        try {
            return SafeJson.mapper().writeValueAsBytes(node);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * @param where how the manifest is named in errors
     * @throws InvalidInputException when the bytes are not an image manifest (an index, not JSON, fields of
     *     the wrong type)
     */
    public static ArtifactManifest parse(byte[] content, String where) {
        JsonNode root = SafeJson.read(content, where);
        if (!root.isObject()) {
            throw new InvalidInputException(where + " is not a JSON object", where);
        }
        String mediaType = root.path("mediaType").asText("");
        if (!mediaType.isEmpty() && !MediaTypes.MANIFESTS.contains(mediaType)) {
            throw new InvalidInputException(
                    where + " has media type '" + printable(mediaType) + "', not an image manifest", where);
        }
        if (root.path("schemaVersion").asInt(0) != 2) {
            throw new InvalidInputException(where + " is not a schema 2 manifest", where);
        }
        JsonNode layers = root.get("layers");
        if (!root.has("config") || layers == null || !layers.isArray()) {
            throw new InvalidInputException(where + " is not an image manifest (no config or layers)", where);
        }
        List<Descriptor> descriptors = new ArrayList<>(layers.size());
        for (JsonNode layer : layers) {
            descriptors.add(Descriptor.fromJson(layer, where));
        }
        JsonNode subject = root.get("subject");
        Map<String, String> annotations = new LinkedHashMap<>();
        root.path("annotations").properties().forEach(entry -> {
            if (entry.getValue().isTextual()) {
                annotations.put(entry.getKey(), entry.getValue().asText());
            }
        });
        JsonNode artifactType = root.get("artifactType");
        return new ArtifactManifest(
                artifactType != null && artifactType.isTextual() ? artifactType.asText() : null,
                Descriptor.fromJson(root.get("config"), where),
                descriptors,
                subject == null || subject.isNull() ? null : Descriptor.fromJson(subject, where),
                annotations);
    }

    static String printable(String text) {
        String cleaned = text.replaceAll("\\p{Cntrl}", "?");
        return cleaned.length() > 100 ? cleaned.substring(0, 100) + "..." : cleaned;
    }
}
