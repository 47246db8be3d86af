package dev.assay.catalog.source;

import dev.assay.catalog.spi.FileResolver;
import dev.assay.catalog.spi.PathPattern;
import dev.assay.model.InvalidInputException;
import dev.assay.model.Location;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The regular files under a directory, indexed by one walk. Links are not followed during the walk (a
 * link can point anywhere, including outside the tree or back into it); {@link #resolve} follows them
 * confined to the root. Pseudo file systems and VCS metadata are skipped.
 */
public final class DirectoryFileResolver implements FileResolver {
    private static final Set<String> SKIPPED_DIRECTORIES = Set.of(".git", ".hg", ".svn");
    private static final Set<String> SKIPPED_ROOT_DIRECTORIES = Set.of("proc", "sys", "dev");

    private final Path root;
    private final List<String> paths;
    private final Map<String, String> layerByPath;

    private DirectoryFileResolver(Path root, List<String> paths, Map<String, String> layerByPath) {
        this.root = root;
        this.paths = paths;
        this.layerByPath = layerByPath;
    }

    public static DirectoryFileResolver of(Path root) {
        return of(root, Map.of());
    }

    /**
     * A resolver over an unpacked image, where {@code layerByPath} names the digest of the layer that last
     * wrote each file.
     */
    public static DirectoryFileResolver of(Path root, Map<String, String> layerByPath) {
        Path absoluteRoot = root.toAbsolutePath().normalize();
        List<String> paths = new ArrayList<>();
        try {
            Files.walkFileTree(absoluteRoot, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path directory, BasicFileAttributes attributes) {
                    if (directory.equals(absoluteRoot)) {
                        return FileVisitResult.CONTINUE;
                    }
                    String name = directory.getFileName().toString();
                    boolean atRoot = directory.getParent().equals(absoluteRoot);
                    if (SKIPPED_DIRECTORIES.contains(name) || (atRoot && SKIPPED_ROOT_DIRECTORIES.contains(name))) {
                        return FileVisitResult.SKIP_SUBTREE;
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                    if (attributes.isRegularFile()) {
                        paths.add(RootedPaths.relative(absoluteRoot, file));
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException exception) {
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new InvalidInputException(
                    "cannot read directory " + root + ": " + e.getMessage(), root.toString(), e);
        }
        Collections.sort(paths);
        return new DirectoryFileResolver(absoluteRoot, List.copyOf(paths), Map.copyOf(layerByPath));
    }

    public Path root() {
        return root;
    }

    public int fileCount() {
        return paths.size();
    }

    @Override
    public List<Location> files(PathPattern pattern) {
        List<Location> matches = new ArrayList<>();
        for (String path : paths) {
            if (pattern.matches(path)) {
                matches.add(location(path));
            }
        }
        return matches;
    }

    @Override
    public Optional<Location> resolve(String relativePath) {
        return RootedPaths.resolve(root, stripLeadingSlash(relativePath))
                .filter(path -> Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS))
                .map(path -> location(RootedPaths.relative(root, path)));
    }

    @Override
    public InputStream open(Location location) throws IOException {
        return Files.newInputStream(hostPath(location));
    }

    @Override
    public long size(Location location) throws IOException {
        return Files.size(hostPath(location));
    }

    /** The host path of a location; callers outside the resolver need it only to hand files to native tools. */
    public Path hostPath(Location location) {
        Path path = root.resolve(stripLeadingSlash(location.path())).normalize();
        if (!path.startsWith(root) || Files.isSymbolicLink(path)) {
            throw new UncheckedIOException(new IOException("refusing to read outside the source: " + location.path()));
        }
        return path;
    }

    private Location location(String path) {
        return new Location(path, layerByPath.get(path));
    }

    private static String stripLeadingSlash(String path) {
        String stripped = path;
        while (stripped.startsWith("/")) {
            stripped = stripped.substring(1);
        }
        return stripped;
    }
}
