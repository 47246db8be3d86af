package dev.assay.engine;

import dev.assay.catalog.ProgressListener;
import dev.assay.model.InvalidInputException;
import java.nio.file.Path;

/** Opens container images (OCI layouts, docker archives, registry references) as catalog sources. */
final class ImageSources {
    private ImageSources() {}

    static ResolvedSource open(
            TargetKind kind, InventoryRequest request, Path tempDirectory, ProgressListener progress) {
        throw new InvalidInputException("image targets are not supported yet: " + request.target(), request.target());
    }

    static boolean isImageArchive(Path file) {
        return false;
    }

    static boolean looksLikeReference(String target) {
        return false;
    }
}
