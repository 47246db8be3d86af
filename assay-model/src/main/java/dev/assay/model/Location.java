package dev.assay.model;

import java.util.Objects;
import java.util.Optional;

/**
 * Where something was found: a path relative to the scanned source (with {@code !/} separating the
 * path of a nested archive entry, as in {@code app.jar!/BOOT-INF/lib/x.jar}) and, for images, the digest
 * of the layer that last wrote the file.
 */
public record Location(String path, String layerDigest) implements Comparable<Location> {
    public Location {
        Objects.requireNonNull(path, "path");
    }

    public static Location of(String path) {
        return new Location(path, null);
    }

    public Optional<String> layer() {
        return Optional.ofNullable(layerDigest);
    }

    /** The location of an entry inside the archive at this location. */
    public Location nested(String entry) {
        return new Location(path + "!/" + entry, layerDigest);
    }

    @Override
    public int compareTo(Location other) {
        int byPath = path.compareTo(other.path);
        if (byPath != 0) {
            return byPath;
        }
        return String.valueOf(layerDigest).compareTo(String.valueOf(other.layerDigest));
    }

    @Override
    public String toString() {
        return layerDigest == null ? path : path + " (layer " + layerDigest + ")";
    }
}
