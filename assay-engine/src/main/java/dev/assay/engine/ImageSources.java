package dev.assay.engine;

import dev.assay.catalog.ProgressListener;
import dev.assay.catalog.source.DirectoryFileResolver;
import dev.assay.catalog.spi.SourceKind;
import dev.assay.model.Component;
import dev.assay.model.ComponentKind;
import dev.assay.model.InvalidInputException;
import dev.assay.model.Purl;
import dev.assay.model.untrusted.Limits;
import dev.assay.oci.ContainerImage;
import dev.assay.oci.Digest;
import dev.assay.oci.DockerArchive;
import dev.assay.oci.ImageProgress;
import dev.assay.oci.ImageReference;
import dev.assay.oci.ImageUnpacker;
import dev.assay.oci.OciLayout;
import dev.assay.oci.RegistryClient;
import dev.assay.oci.RegistryClientOptions;
import dev.assay.oci.RegistryCredentials;
import dev.assay.oci.UnpackedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Opens container images (OCI layouts, docker archives, registry references) as catalog sources: the
 * image is resolved to one platform (linux/amd64, or the only one there is), its layers are unpacked into
 * {@code tempDirectory/rootfs} and every file carries the diff_id of the layer that last wrote it.
 */
final class ImageSources {
    static final String IMAGE_DIGEST = "assay:image-digest";
    static final String IMAGE_CONFIG_DIGEST = "assay:image-config-digest";
    static final String IMAGE_TAGS = "assay:image-tags";
    static final String IMAGE_OS = "assay:image-os";
    static final String IMAGE_ARCHITECTURE = "assay:image-architecture";
    static final String IMAGE_VARIANT = "assay:image-variant";
    static final String IMAGE_LAYERS = "assay:image-layers";

    private ImageSources() {}

    static ResolvedSource open(
            TargetKind kind, InventoryRequest request, Path tempDirectory, ProgressListener progress) {
        ImageProgress imageProgress = new ImageProgress() {
            @Override
            public void phase(String name, long total) {
                progress.phase(name, total);
            }

            @Override
            public void advance(long done) {
                progress.advance(done);
            }
        };
        Limits limits = request.limits();
        String target = request.target();
        RegistryClient client = null;
        ContainerImage image;
        try {
            image = switch (kind) {
                case OCI_LAYOUT -> OciLayout.open(Path.of(target), request.platform(), null);
                case DOCKER_ARCHIVE ->
                    DockerArchive.open(requireFile(target), tempDirectory, request.platform(), limits);
                case REGISTRY -> {
                    client = new RegistryClient(clientOptions(request.registry(), limits));
                    yield client.pull(ImageReference.parse(target), request.platform(), tempDirectory, imageProgress);
                }
                default -> throw new IllegalArgumentException("not an image kind: " + kind);
            };
            try (ContainerImage opened = image) {
                UnpackedImage unpacked =
                        ImageUnpacker.unpack(opened, tempDirectory.resolve("rootfs"), limits, imageProgress);
                return new ResolvedSource(
                        DirectoryFileResolver.of(unpacked.rootfs(), unpacked.layerByPath()),
                        SourceKind.IMAGE,
                        subject(opened),
                        properties(opened));
            }
        } catch (IOException e) {
            throw new InvalidInputException("cannot read image " + target + ": " + e.getMessage(), target, e);
        } finally {
            if (client != null) {
                client.close();
            }
        }
    }

    /** Whether a file is a {@code docker save} archive (possibly compressed); reads tar headers only. */
    static boolean isImageArchive(Path file) {
        return DockerArchive.isImageArchive(file);
    }

    /**
     * Whether a target that is not an existing path reads as an image reference. Path-like targets
     * ({@code ./x}, {@code /x}, {@code ~/x}) never are, nor is a bare name with a dot and no tag
     * ({@code pom.xm}): that is far more likely a mistyped file than a Docker Hub image.
     */
    static boolean looksLikeReference(String target) {
        if (target == null || target.isBlank()) {
            return false;
        }
        try {
            if (Files.exists(Path.of(target))) {
                return false;
            }
        } catch (InvalidPathException e) {
            return false;
        }
        if (target.startsWith("/") || target.startsWith(".") || target.startsWith("~") || target.contains("\\")) {
            return false;
        }
        boolean bareName = target.indexOf('/') < 0 && target.indexOf(':') < 0 && target.indexOf('@') < 0;
        if (bareName && target.contains(".")) {
            return false;
        }
        return ImageReference.tryParse(target).isPresent();
    }

    static RegistryClientOptions clientOptions(RegistryOptions registry, Limits limits) {
        RegistryCredentials credentials = null;
        if (registry.username() != null || registry.password() != null) {
            if (registry.username() == null || registry.password() == null) {
                throw new InvalidInputException(
                        "registry credentials need both a username and a password", registry.username());
            }
            credentials = new RegistryCredentials(registry.username(), registry.password());
        }
        return RegistryClientOptions.defaults()
                .withInsecure(registry.insecure())
                .withCredentials(credentials)
                .withMaxBlobBytes(limits.maxExpandedBytes());
    }

    /**
     * The image as a CONTAINER component with an OCI purl whose version is the manifest digest (the
     * config digest, the image ID, for legacy docker archives that carry no manifest).
     */
    static Component subject(ContainerImage image) {
        Optional<ImageReference> reference = image.reference();
        Digest version = image.manifestDigest().orElse(image.configDigest());
        String name = reference.map(ImageReference::name).orElseGet(() -> fallbackName(image.source()));
        Map<String, String> qualifiers = new LinkedHashMap<>();
        reference.ifPresent(found -> qualifiers.put("repository_url", found.repositoryUrl()));
        String tag = reference
                .map(ImageReference::tag)
                .orElseGet(() -> image.tags().stream()
                        .filter(candidate -> !candidate.contains(":") && !candidate.contains("/"))
                        .findFirst()
                        .orElse(null));
        if (tag != null) {
            qualifiers.put("tag", tag);
        }
        return Component.builder(Purl.of("oci", null, name, version.toString(), qualifiers))
                .kind(ComponentKind.CONTAINER)
                .name(reference.map(ImageReference::repositoryUrl).orElse(name))
                .version(version.toString())
                .build();
    }

    static Map<String, String> properties(ContainerImage image) {
        Map<String, String> properties = new TreeMap<>();
        image.manifestDigest().ifPresent(digest -> properties.put(IMAGE_DIGEST, digest.toString()));
        properties.put(IMAGE_CONFIG_DIGEST, image.configDigest().toString());
        if (!image.tags().isEmpty()) {
            properties.put(IMAGE_TAGS, String.join(",", image.tags()));
        }
        properties.put(IMAGE_OS, image.config().os());
        properties.put(IMAGE_ARCHITECTURE, image.config().architecture());
        if (image.config().variant() != null) {
            properties.put(IMAGE_VARIANT, image.config().variant());
        }
        properties.put(
                IMAGE_LAYERS,
                String.join(
                        ",",
                        image.layers().stream()
                                .map(layer -> layer.diffId().toString())
                                .toList()));
        return properties;
    }

    private static String fallbackName(String source) {
        Path path = Path.of(source).toAbsolutePath().normalize();
        String name = path.getFileName() == null ? "image" : path.getFileName().toString();
        for (String suffix : new String[] {".tar.gz", ".tgz", ".tar.zst", ".tar"}) {
            if (name.endsWith(suffix) && name.length() > suffix.length()) {
                name = name.substring(0, name.length() - suffix.length());
                break;
            }
        }
        return name.toLowerCase(Locale.ROOT);
    }

    private static Path requireFile(String target) {
        Path path = Path.of(target);
        if (!Files.isRegularFile(path)) {
            throw new InvalidInputException("not a regular file: " + target, target);
        }
        return path;
    }
}
