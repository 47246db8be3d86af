package dev.assay.catalog.source;

import dev.assay.catalog.spi.FileResolver;
import dev.assay.catalog.spi.PathPattern;
import dev.assay.model.Location;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** One file given on the command line, known by its file name so that name-based globs still select it. */
public final class SingleFileResolver implements FileResolver {
    private final Path file;
    private final String name;

    public SingleFileResolver(Path file) {
        this.file = file.toAbsolutePath().normalize();
        this.name = this.file.getFileName().toString();
    }

    @Override
    public List<Location> files(PathPattern pattern) {
        return pattern.matches(name) ? List.of(Location.of(name)) : List.of();
    }

    @Override
    public Optional<Location> resolve(String relativePath) {
        return relativePath.equals(name) ? Optional.of(Location.of(name)) : Optional.empty();
    }

    @Override
    public InputStream open(Location location) throws IOException {
        requireSelf(location);
        return Files.newInputStream(file);
    }

    @Override
    public long size(Location location) throws IOException {
        requireSelf(location);
        return Files.size(file);
    }

    private void requireSelf(Location location) throws IOException {
        if (!location.path().equals(name)) {
            throw new IOException("no such file in this source: " + location.path());
        }
    }
}
