package dev.assay.oci;

import com.fasterxml.jackson.databind.JsonNode;
import dev.assay.model.InvalidInputException;
import dev.assay.model.untrusted.SafeJson;
import java.util.ArrayList;
import java.util.List;

/**
 * What a manifest digest points at: an index (a list of per-platform manifests) or an image manifest. The
 * kind is decided from the document's own {@code mediaType} when present, else from its shape, because
 * OCI layouts written by some tools omit the media type.
 */
public sealed interface ManifestDocument permits ManifestDocument.Index, ManifestDocument.Manifest {

    /** Upper bound for manifests and indexes; the distribution spec recommends 4 MiB. */
    long MAX_BYTES = 4L * 1024 * 1024;

    /** An OCI image index or Docker manifest list. */
    record Index(String mediaType, List<Descriptor> manifests) implements ManifestDocument {
        public Index {
            manifests = List.copyOf(manifests);
        }
    }

    /** An OCI image manifest or Docker v2 schema 2 manifest. */
    record Manifest(String mediaType, Descriptor config, List<Descriptor> layers) implements ManifestDocument {
        public Manifest {
            layers = List.copyOf(layers);
        }
    }

    static ManifestDocument parse(byte[] content, String where) {
        JsonNode root = SafeJson.read(content, where);
        if (!root.isObject()) {
            throw new InvalidInputException(where + " is not a JSON object", where);
        }
        String mediaType = root.path("mediaType").asText("");
        int schemaVersion = root.path("schemaVersion").asInt(2);
        if (schemaVersion != 2) {
            throw new InvalidInputException(
                    where + " uses manifest schema version " + schemaVersion + "; only schema 2 (and OCI) is supported",
                    where);
        }
        boolean isIndex = MediaTypes.INDEXES.contains(mediaType)
                || (!MediaTypes.MANIFESTS.contains(mediaType) && root.has("manifests") && !root.has("layers"));
        if (isIndex) {
            JsonNode manifests = root.get("manifests");
            if (manifests == null || !manifests.isArray()) {
                throw new InvalidInputException(where + ": index without a manifests array", where);
            }
            List<Descriptor> descriptors = new ArrayList<>();
            for (JsonNode node : manifests) {
                descriptors.add(Descriptor.fromJson(node, where));
            }
            return new Index(mediaType, descriptors);
        }
        JsonNode layers = root.get("layers");
        if (!root.has("config") || layers == null || !layers.isArray()) {
            throw new InvalidInputException(where + " is neither an image manifest nor an index", where);
        }
        List<Descriptor> descriptors = new ArrayList<>();
        for (JsonNode node : layers) {
            descriptors.add(Descriptor.fromJson(node, where));
        }
        return new Manifest(mediaType, Descriptor.fromJson(root.get("config"), where), descriptors);
    }
}
