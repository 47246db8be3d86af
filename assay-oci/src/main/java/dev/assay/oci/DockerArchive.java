package dev.assay.oci;

import com.fasterxml.jackson.databind.JsonNode;
import dev.assay.model.InvalidInputException;
import dev.assay.model.untrusted.BoundedInput;
import dev.assay.model.untrusted.Limits;
import dev.assay.model.untrusted.SafeJson;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads {@code docker save} archives (and {@code skopeo copy docker-archive:}). Two layouts exist: the
 * legacy one, where {@code manifest.json} names a config {@code <hex>.json} and uncompressed
 * {@code <id>/layer.tar} files, and the one docker 25 and later write, an OCI layout inside the tar with
 * {@code manifest.json} kept beside it for old readers. The OCI form is preferred when present because
 * only it records the manifest digest. A gzip- or zstd-compressed archive is expanded to a temporary file
 * first (within the expanded-size limit), since reading in place needs random access.
 */
public final class DockerArchive {
    private static final Logger LOG = LoggerFactory.getLogger(DockerArchive.class);
    private static final Pattern BLOB_PATH = Pattern.compile("blobs/(sha256|sha512)/([a-f0-9]+)");
    private static final Pattern CONFIG_FILE = Pattern.compile("([a-f0-9]{64})\\.json");
    private static final String LAYER_MEDIA_TYPE = "application/vnd.docker.image.rootfs.diff.tar";
    private static final int DETECTION_MAX_ENTRIES = 10_000;

    private DockerArchive() {}

    /**
     * Opens the image in a docker archive.
     *
     * @param platform the platform to select, or null for linux/amd64 (or the only image there is)
     */
    public static ContainerImage open(Path archive, Path tempDirectory, Platform platform, Limits limits) {
        String source = archive.toString();
        Path tar = uncompressed(archive, tempDirectory, limits);
        TarStoreFiles files = TarStoreFiles.index(tar, limits.maxArchiveEntries());
        List<ManifestEntry> manifestEntries =
                files.size("manifest.json").isPresent() ? readManifestJson(files, source) : List.of();
        if (files.size("oci-layout").isPresent() && files.size("index.json").isPresent()) {
            ContainerImage image = OciLayout.read(files, source, platform, null, List.of(), () -> {});
            List<String> tags = new ArrayList<>();
            manifestEntries.stream()
                    .filter(entry -> entry.configPath().equals(blobPath(image.configDigest())))
                    .forEach(entry -> tags.addAll(entry.repoTags()));
            if (tags.isEmpty()) {
                return image;
            }
            // A bare ref.name ("1.0") beside the full RepoTag ("docker.io/library/app:1.0") says nothing new.
            image.tags().stream()
                    .filter(tag -> tags.stream().noneMatch(known -> known.equals(tag) || known.endsWith(":" + tag)))
                    .forEach(tags::add);
            return new ContainerImage(
                    source,
                    tags.stream()
                            .map(OciLayout::fullReference)
                            .flatMap(Optional::stream)
                            .findFirst()
                            .or(image::reference)
                            .map(reference -> image.manifestDigest()
                                    .map(reference::withDigest)
                                    .orElse(reference)),
                    image.manifestDigest(),
                    image.configDigest(),
                    image.config(),
                    image.layers(),
                    tags,
                    files.layoutBlobs(),
                    () -> {});
        }
        if (manifestEntries.isEmpty()) {
            throw new InvalidInputException(
                    source + " is not a docker archive: it has neither manifest.json nor an OCI layout", source);
        }
        return legacy(files, source, manifestEntries, platform);
    }

    /**
     * Whether a file is a tar (possibly gzip- or zstd-compressed) with {@code manifest.json} or
     * {@code oci-layout} among its entries. Only headers are read, up to a bounded number of entries.
     */
    public static boolean isImageArchive(Path file) {
        try (InputStream raw = Files.newInputStream(file)) {
            BufferedInputStream buffered = new BufferedInputStream(raw, 65536);
            if (Compression.detect(buffered) == Compression.NONE) {
                buffered.close();
                Map<String, TarIndex.Entry> entries =
                        TarIndex.read(file, DETECTION_MAX_ENTRIES, DockerArchive::isMarker);
                return entries.keySet().stream().anyMatch(DockerArchive::isMarker);
            }
            try (TarArchiveInputStream tar = new TarArchiveInputStream(Compression.decompressing(buffered))) {
                TarArchiveEntry entry;
                for (int count = 0; count < DETECTION_MAX_ENTRIES && (entry = tar.getNextEntry()) != null; count++) {
                    if (entry.isFile() && isMarker(TarStoreFiles.normalize(entry.getName()))) {
                        return true;
                    }
                }
            }
            return false;
        } catch (IOException | RuntimeException e) {
            LOG.debug("{} is not a docker archive: {}", file, e.getMessage());
            return false;
        }
    }

    private static boolean isMarker(String name) {
        return name.equals("manifest.json") || name.equals("oci-layout");
    }

    private record ManifestEntry(String configPath, List<String> repoTags, List<String> layerPaths) {}

    private static List<ManifestEntry> readManifestJson(TarStoreFiles files, String source) {
        byte[] content = OciLayout.readFile(files, "manifest.json", ManifestDocument.MAX_BYTES, source);
        JsonNode root = SafeJson.read(content, source + "/manifest.json");
        if (!root.isArray()) {
            throw new InvalidInputException(source + "/manifest.json is not a JSON array", source);
        }
        List<ManifestEntry> entries = new ArrayList<>();
        for (JsonNode node : root) {
            String config = node.path("Config").asText("");
            if (config.isEmpty()) {
                throw new InvalidInputException(source + "/manifest.json: an entry without Config", source);
            }
            List<String> tags = new ArrayList<>();
            node.path("RepoTags").forEach(tag -> tags.add(normalizeTag(tag.asText())));
            List<String> layers = new ArrayList<>();
            node.path("Layers").forEach(layer -> layers.add(TarStoreFiles.normalize(layer.asText())));
            entries.add(new ManifestEntry(TarStoreFiles.normalize(config), tags, layers));
        }
        return entries;
    }

    private static String normalizeTag(String tag) {
        return OciLayout.fullReference(tag).map(ImageReference::toString).orElse(tag);
    }

    private static ContainerImage legacy(
            TarStoreFiles files, String source, List<ManifestEntry> entries, Platform platform) {
        if (entries.size() > 1) {
            // `docker save a b` writes several images; say which one this SBOM describes.
            LOG.warn(
                    "{} holds {} images ({}); reading the first. Save one image per archive to inventory the others",
                    source,
                    entries.size(),
                    entries.stream()
                            .map(entry -> entry.repoTags().isEmpty()
                                    ? entry.configPath()
                                    : String.join(" ", entry.repoTags()))
                            .toList());
        }
        ManifestEntry entry = entries.getFirst();
        byte[] configBytes = OciLayout.readFile(files, entry.configPath(), ImageConfig.MAX_BYTES, source);
        Digest configDigest = Digest.sha256(configBytes);
        claimedDigest(entry.configPath()).ifPresent(claimed -> {
            if (!claimed.equals(configDigest)) {
                throw new InvalidInputException(
                        source + ": config " + entry.configPath() + " does not match its digest " + claimed + " (found "
                                + configDigest + ")",
                        source,
                        "the archive is corrupt or was tampered with",
                        null);
            }
        });
        ImageConfig config = ImageConfig.parse(configBytes, source + "/" + entry.configPath());
        if (platform != null && !platform.accepts(config.platform())) {
            throw new InvalidInputException(
                    source + " holds an image for " + config.platform() + ", not " + platform, source);
        }
        if (entry.layerPaths().size() != config.diffIds().size()) {
            throw new InvalidInputException(
                    source + ": manifest.json lists " + entry.layerPaths().size() + " layers but the config has "
                            + config.diffIds().size() + " diff_ids",
                    source);
        }
        Map<Digest, String> pathByDigest = new HashMap<>();
        List<ImageLayer> layers = new ArrayList<>();
        for (int index = 0; index < entry.layerPaths().size(); index++) {
            String path = entry.layerPaths().get(index);
            Digest diffId = config.diffIds().get(index);
            // A legacy layer.tar is the uncompressed layer, so its digest is the diff_id.
            Digest digest = claimedDigest(path).orElse(diffId);
            long size = files.size(path)
                    .orElseThrow(() -> new InvalidInputException(source + " lacks layer " + path, source));
            pathByDigest.put(digest, path);
            layers.add(new ImageLayer(index, new Descriptor(LAYER_MEDIA_TYPE, digest, size, null, Map.of()), diffId));
        }
        BlobAccess blobs = (descriptor, name, progress) -> {
            String path = pathByDigest.get(descriptor.digest());
            if (path == null) {
                throw new InvalidInputException(source + " has no blob " + descriptor.digest(), source);
            }
            return new VerifiedInputStream(files.open(path), descriptor.digest(), descriptor.size(), name);
        };
        Optional<ImageReference> reference = entry.repoTags().stream()
                .map(OciLayout::fullReference)
                .flatMap(Optional::stream)
                .findFirst();
        return new ContainerImage(
                source, reference, Optional.empty(), configDigest, config, layers, entry.repoTags(), blobs, () -> {});
    }

    private static Optional<Digest> claimedDigest(String path) {
        Matcher blob = BLOB_PATH.matcher(path);
        if (blob.matches()) {
            return Optional.of(new Digest(blob.group(1), blob.group(2)));
        }
        Matcher config = CONFIG_FILE.matcher(path);
        if (config.matches()) {
            return Optional.of(new Digest("sha256", config.group(1)));
        }
        return Optional.empty();
    }

    private static String blobPath(Digest digest) {
        return "blobs/" + digest.algorithm() + "/" + digest.hex();
    }

    private static Path uncompressed(Path archive, Path tempDirectory, Limits limits) {
        try (InputStream raw = Files.newInputStream(archive)) {
            BufferedInputStream buffered = new BufferedInputStream(raw, 65536);
            if (Compression.detect(buffered) == Compression.NONE) {
                return archive;
            }
            Path expanded = Files.createTempFile(tempDirectory, "archive-", ".tar");
            try (InputStream input = BoundedInput.limited(
                            Compression.decompressing(buffered), limits.maxExpandedBytes(), archive.toString());
                    OutputStream output = Files.newOutputStream(expanded)) {
                input.transferTo(output);
            }
            return expanded;
        } catch (IOException e) {
            throw new InvalidInputException("cannot read " + archive + ": " + e.getMessage(), archive.toString(), e);
        }
    }
}
