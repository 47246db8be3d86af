package dev.assay.oci;

import java.nio.file.Path;
import java.util.Map;

/**
 * The squashed root filesystem of an image.
 *
 * @param layerByPath for every regular file, relative to the rootfs with {@code /} separators, the
 *     diff_id of the layer that last wrote it
 * @param bytesWritten content bytes written for regular files
 * @param entries tar entries applied, whiteouts included
 */
public record UnpackedImage(Path rootfs, Map<String, String> layerByPath, long bytesWritten, long entries) {
    public UnpackedImage {
        layerByPath = Map.copyOf(layerByPath);
    }
}
