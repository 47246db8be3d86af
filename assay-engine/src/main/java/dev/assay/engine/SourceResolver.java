package dev.assay.engine;

import dev.assay.catalog.ProgressListener;
import dev.assay.catalog.source.DirectoryFileResolver;
import dev.assay.catalog.source.SingleFileResolver;
import dev.assay.catalog.spi.SourceKind;
import dev.assay.model.Component;
import dev.assay.model.ComponentKind;
import dev.assay.model.InvalidInputException;
import dev.assay.model.PackageType;
import dev.assay.model.Purl;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Decides what a target is (a source tree, a root filesystem, a file, an image) and opens it. The
 * decision is made from the target itself, never from its name alone, and an explicit kind overrides it.
 */
final class SourceResolver {
    private static final List<String> OS_RELEASE = List.of("etc/os-release", "usr/lib/os-release");
    private static final List<String> PACKAGE_DATABASES = List.of(
            "var/lib/dpkg/status",
            "var/lib/dpkg/status.d",
            "lib/apk/db/installed",
            "var/lib/rpm",
            "usr/lib/sysimage/rpm");

    private SourceResolver() {}

    static ResolvedSource open(InventoryRequest request, Path tempDirectory, ProgressListener progress) {
        Path path = Path.of(request.target());
        TargetKind kind = request.kind() == TargetKind.AUTO ? detect(request.target(), path) : request.kind();
        return switch (kind) {
            case DIRECTORY -> directory(requireDirectory(path, request), SourceKind.DIRECTORY);
            case ROOTFS -> directory(requireDirectory(path, request), SourceKind.ROOTFS);
            case FILE -> file(requireFile(path, request));
            case OCI_LAYOUT, DOCKER_ARCHIVE, REGISTRY -> ImageSources.open(kind, request, tempDirectory, progress);
            case AUTO -> throw new IllegalStateException("AUTO is resolved above");
        };
    }

    static TargetKind detect(String target, Path path) {
        if (Files.isDirectory(path)) {
            if (Files.isRegularFile(path.resolve("oci-layout"))) {
                return TargetKind.OCI_LAYOUT;
            }
            return looksLikeRootFilesystem(path) ? TargetKind.ROOTFS : TargetKind.DIRECTORY;
        }
        if (Files.isRegularFile(path)) {
            return ImageSources.isImageArchive(path) ? TargetKind.DOCKER_ARCHIVE : TargetKind.FILE;
        }
        if (ImageSources.looksLikeReference(target)) {
            return TargetKind.REGISTRY;
        }
        throw new InvalidInputException(
                "no such file, directory or image reference: " + target,
                target,
                "give a directory, a file, an OCI layout, a docker-save tarball or host[:port]/repository:tag",
                null);
    }

    static boolean looksLikeRootFilesystem(Path directory) {
        boolean hasOsRelease = OS_RELEASE.stream().anyMatch(name -> Files.exists(directory.resolve(name)));
        boolean hasPackageDatabase = PACKAGE_DATABASES.stream().anyMatch(name -> Files.exists(directory.resolve(name)));
        return hasOsRelease && hasPackageDatabase;
    }

    private static ResolvedSource directory(Path directory, SourceKind kind) {
        return new ResolvedSource(
                DirectoryFileResolver.of(directory), kind, subject(directory, ComponentKind.FILE), Map.of());
    }

    private static ResolvedSource file(Path file) {
        return new ResolvedSource(
                new SingleFileResolver(file), SourceKind.FILE, subject(file, ComponentKind.FILE), Map.of());
    }

    private static Component subject(Path path, ComponentKind kind) {
        Path absolute = path.toAbsolutePath().normalize();
        String name =
                absolute.getFileName() == null ? "/" : absolute.getFileName().toString();
        return Component.builder(Purl.of(PackageType.GENERIC, null, name, null))
                .kind(kind)
                .name(name)
                .build();
    }

    private static Path requireDirectory(Path path, InventoryRequest request) {
        if (!Files.isDirectory(path)) {
            throw new InvalidInputException("not a directory: " + request.target(), request.target());
        }
        if (!Files.isReadable(path)) {
            throw new InvalidInputException("directory is not readable: " + request.target(), request.target());
        }
        return path;
    }

    private static Path requireFile(Path path, InventoryRequest request) {
        if (!Files.isRegularFile(path)) {
            throw new InvalidInputException("not a regular file: " + request.target(), request.target());
        }
        if (!Files.isReadable(path)) {
            throw new InvalidInputException("file is not readable: " + request.target(), request.target());
        }
        return path;
    }
}
