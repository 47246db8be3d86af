package dev.assay.oci;

import com.fasterxml.jackson.databind.JsonNode;
import dev.assay.model.InvalidInputException;
import dev.assay.model.untrusted.SafeJson;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Reads OCI image layouts: a directory with {@code oci-layout}, {@code index.json} and
 * {@code blobs/<algorithm>/<hex>}. The same reading serves the layout docker 25 and later write inside
 * {@code docker save} archives.
 */
public final class OciLayout {
    /** Annotation containerd and docker use for the full image name of an index entry. */
    static final String CONTAINERD_IMAGE_NAME = "io.containerd.image.name";

    private OciLayout() {}

    /**
     * Opens the image in an OCI layout directory.
     *
     * @param platform the platform to select, or null for linux/amd64 (or the only image there is)
     * @param refName select the entry with this {@code org.opencontainers.image.ref.name}, or null for any
     */
    public static ContainerImage open(Path directory, Platform platform, String refName) {
        if (!Files.isDirectory(directory)) {
            throw new InvalidInputException("not a directory: " + directory, directory.toString());
        }
        return read(new DirectoryStoreFiles(directory), directory.toString(), platform, refName, List.of(), () -> {});
    }

    /** Whether a directory looks like an OCI layout. */
    public static boolean isLayout(Path directory) {
        return Files.isRegularFile(directory.resolve("oci-layout"))
                && Files.isRegularFile(directory.resolve("index.json"));
    }

    static ContainerImage read(
            StoreFiles files,
            String source,
            Platform platform,
            String refName,
            List<String> extraTags,
            java.io.Closeable resources) {
        checkLayoutVersion(files, source);
        byte[] indexBytes = readFile(files, "index.json", ManifestDocument.MAX_BYTES, source);
        if (!(ManifestDocument.parse(indexBytes, source + "/index.json") instanceof ManifestDocument.Index index)) {
            throw new InvalidInputException(source + "/index.json is not an image index", source);
        }
        List<Descriptor> entries = index.manifests();
        if (refName != null) {
            entries = entries.stream()
                    .filter(entry -> names(entry).contains(refName)
                            || entry.annotation(Descriptor.REF_NAME)
                                    .map(refName::equals)
                                    .orElse(false))
                    .toList();
            if (entries.isEmpty()) {
                Set<String> available = new LinkedHashSet<>();
                index.manifests().forEach(entry -> available.addAll(names(entry)));
                throw new InvalidInputException(
                        source + " has no image named " + refName
                                + (available.isEmpty() ? "" : "; it has " + available),
                        source);
            }
        }
        if (entries.isEmpty()) {
            throw new InvalidInputException(source + "/index.json lists no images", source);
        }
        BlobAccess blobs = files.layoutBlobs();
        ManifestSelector.Selection selection =
                new ManifestSelector(fetcher(blobs, source), platform, source).select(entries);
        List<String> tags = new ArrayList<>(extraTags);
        for (Descriptor entry : index.manifests()) {
            if (entry.digest().equals(selection.root().digest())) {
                for (String name : names(entry)) {
                    if (!tags.contains(name)) {
                        tags.add(name);
                    }
                }
            }
        }
        Optional<ImageReference> reference = tags.stream()
                .map(OciLayout::fullReference)
                .flatMap(Optional::stream)
                .findFirst();
        return new ContainerImage(
                source,
                reference.map(found -> found.withDigest(selection.descriptor().digest())),
                Optional.of(selection.descriptor().digest()),
                selection.manifest().config().digest(),
                selection.config(),
                ContainerImage.layers(selection.manifest(), selection.config(), source),
                tags,
                blobs,
                resources);
    }

    static ManifestSelector.Fetcher fetcher(BlobAccess blobs, String source) {
        return new ManifestSelector.Fetcher() {
            @Override
            public ManifestDocument manifest(Descriptor descriptor) {
                byte[] content =
                        readBlob(blobs, descriptor, "manifest " + descriptor.digest(), ManifestDocument.MAX_BYTES);
                return ManifestDocument.parse(content, source + " manifest " + descriptor.digest());
            }

            @Override
            public ImageConfig config(Descriptor descriptor) {
                byte[] content = readBlob(blobs, descriptor, "config " + descriptor.digest(), ImageConfig.MAX_BYTES);
                return ImageConfig.parse(content, source + " config " + descriptor.digest());
            }
        };
    }

    /** A name that is a whole reference ({@code app:1.0}, {@code ghcr.io/x/y:2}), not just a tag. */
    static Optional<ImageReference> fullReference(String name) {
        if (!name.contains(":") && !name.contains("/")) {
            return Optional.empty();
        }
        return ImageReference.tryParse(name);
    }

    private static List<String> names(Descriptor entry) {
        List<String> names = new ArrayList<>();
        entry.annotation(CONTAINERD_IMAGE_NAME).ifPresent(names::add);
        entry.annotation(Descriptor.REF_NAME)
                .filter(name -> !names.contains(name))
                // containerd writes the tag alone as ref.name next to the full name; keep only the full name.
                .filter(name -> names.isEmpty() || !names.getFirst().endsWith(":" + name))
                .ifPresent(names::add);
        return names;
    }

    private static byte[] readBlob(BlobAccess blobs, Descriptor descriptor, String name, long limit) {
        try {
            return blobs.readSmall(descriptor, name, limit);
        } catch (IOException e) {
            throw new InvalidInputException("cannot read " + name + ": " + e.getMessage(), name, e);
        }
    }

    private static void checkLayoutVersion(StoreFiles files, String source) {
        byte[] content = readFile(files, "oci-layout", 64 * 1024, source);
        JsonNode layout = SafeJson.read(content, source + "/oci-layout");
        String version = layout.path("imageLayoutVersion").asText("");
        if (!version.startsWith("1.")) {
            throw new InvalidInputException(
                    source + "/oci-layout declares unsupported imageLayoutVersion \"" + version + "\"", source);
        }
    }

    static byte[] readFile(StoreFiles files, String path, long limit, String source) {
        Optional<Long> size = files.size(path);
        if (size.isEmpty()) {
            throw new InvalidInputException(source + " lacks " + path, source);
        }
        if (size.get() > limit) {
            throw new dev.assay.model.InputTooLargeException(
                    source + "/" + path + " is larger than the limit of " + limit + " bytes", source);
        }
        try (InputStream input = files.open(path)) {
            return dev.assay.model.untrusted.BoundedInput.readAll(input, limit, source + "/" + path);
        } catch (IOException e) {
            throw new InvalidInputException("cannot read " + source + "/" + path + ": " + e.getMessage(), source, e);
        }
    }
}
