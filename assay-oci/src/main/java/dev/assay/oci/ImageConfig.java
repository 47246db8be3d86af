package dev.assay.oci;

import com.fasterxml.jackson.databind.JsonNode;
import dev.assay.model.InvalidInputException;
import dev.assay.model.untrusted.SafeJson;
import java.util.ArrayList;
import java.util.List;

/**
 * The parts of an image configuration Assay uses.
 *
 * @param diffIds digests of the uncompressed layer tarballs, in order; these identify layers whatever
 *     compression a transport used, and are what {@code docker inspect} lists as {@code RootFS.Layers}
 * @param history one entry per build step; entries marked empty created no layer
 */
public record ImageConfig(
        String os, String architecture, String variant, String created, List<Digest> diffIds, List<History> history) {
    /** Upper bound for an image config document. */
    public static final long MAX_BYTES = 8L * 1024 * 1024;

    public ImageConfig {
        diffIds = List.copyOf(diffIds);
        history = List.copyOf(history);
    }

    /** One build step. */
    public record History(String created, String createdBy, String comment, boolean emptyLayer) {}

    public Platform platform() {
        return new Platform(os, architecture, variant);
    }

    public static ImageConfig parse(byte[] content, String where) {
        JsonNode root = SafeJson.read(content, where);
        if (!root.isObject()) {
            throw new InvalidInputException(where + " is not a JSON object", where);
        }
        String os = root.path("os").asText("");
        String architecture = root.path("architecture").asText("");
        if (os.isEmpty() || architecture.isEmpty()) {
            throw new InvalidInputException(where + ": image config without os or architecture", where);
        }
        JsonNode rootfs = root.path("rootfs");
        if (!"layers".equals(rootfs.path("type").asText())) {
            throw new InvalidInputException(where + ": image config rootfs.type must be \"layers\"", where);
        }
        List<Digest> diffIds = new ArrayList<>();
        for (JsonNode diffId : rootfs.path("diff_ids")) {
            diffIds.add(Digest.parse(diffId.asText()));
        }
        List<History> history = new ArrayList<>();
        for (JsonNode step : root.path("history")) {
            history.add(new History(
                    step.path("created").asText(null),
                    step.path("created_by").asText(null),
                    step.path("comment").asText(null),
                    step.path("empty_layer").asBoolean(false)));
        }
        return new ImageConfig(
                os,
                architecture,
                root.path("variant").asText(null),
                root.path("created").asText(null),
                diffIds,
                history);
    }
}
