package dev.assay.catalog.spi;

import dev.assay.model.Location;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Optional;

/**
 * Read-only access to the files of a source, indexed once. Paths are relative, use {@code /} and never
 * leave the source: symbolic links resolve inside the source root as if it were {@code /}.
 */
public interface FileResolver {
    /** Regular files whose relative path matches the pattern, in path order. */
    List<Location> files(PathPattern pattern);

    /** The file at a relative path (following links inside the source), if it exists. */
    Optional<Location> resolve(String relativePath);

    InputStream open(Location location) throws IOException;

    long size(Location location) throws IOException;
}
