package dev.assay.oci;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.assay.model.untrusted.SafeJson;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;

/** Writes small images as OCI layouts and docker archives, the way real tools lay them out. */
final class TestImages {
    static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private TestImages() {}

    /** A layer as stored: uncompressed tar, the blob (possibly compressed) and its media type. */
    record Layer(byte[] tar, byte[] blob, String mediaType) {
        static Layer plain(TestLayer layer) {
            byte[] tar = layer.tar();
            return new Layer(tar, tar, "application/vnd.oci.image.layer.v1.tar");
        }

        static Layer gzip(TestLayer layer) {
            byte[] tar = layer.tar();
            return new Layer(tar, TestLayer.gzip(tar), "application/vnd.oci.image.layer.v1.tar+gzip");
        }

        static Layer zstd(TestLayer layer) {
            byte[] tar = layer.tar();
            return new Layer(tar, TestLayer.zstd(tar), "application/vnd.oci.image.layer.v1.tar+zstd");
        }

        Digest diffId() {
            return Digest.sha256(tar);
        }

        Digest digest() {
            return Digest.sha256(blob);
        }
    }

    /** One image's documents, serialized. */
    record Image(byte[] config, byte[] manifest, List<Layer> layers) {
        Digest manifestDigest() {
            return Digest.sha256(manifest);
        }

        Digest configDigest() {
            return Digest.sha256(config);
        }
    }

    static Image image(String os, String architecture, List<Layer> layers) {
        ObjectNode config = JSON.objectNode();
        config.put("architecture", architecture);
        config.put("os", os);
        config.put("created", "2024-01-01T00:00:00Z");
        ObjectNode rootfs = config.putObject("rootfs");
        rootfs.put("type", "layers");
        ArrayNode diffIds = rootfs.putArray("diff_ids");
        ArrayNode history = config.putArray("history");
        for (Layer layer : layers) {
            diffIds.add(layer.diffId().toString());
            history.addObject().put("created_by", "test layer " + history.size());
        }
        byte[] configBytes = json(config);
        ObjectNode manifest = JSON.objectNode();
        manifest.put("schemaVersion", 2);
        manifest.put("mediaType", MediaTypes.OCI_MANIFEST);
        manifest.set("config", descriptor(MediaTypes.OCI_CONFIG, configBytes));
        ArrayNode layerArray = manifest.putArray("layers");
        for (Layer layer : layers) {
            layerArray.add(descriptor(layer.mediaType(), layer.blob()));
        }
        return new Image(configBytes, json(manifest), layers);
    }

    static Image image(List<Layer> layers) {
        return image("linux", "amd64", layers);
    }

    static ObjectNode descriptor(String mediaType, byte[] content) {
        ObjectNode descriptor = JSON.objectNode();
        descriptor.put("mediaType", mediaType);
        descriptor.put("digest", Digest.sha256(content).toString());
        descriptor.put("size", content.length);
        return descriptor;
    }

    static byte[] json(Object node) {
        try {
            return SafeJson.mapper().writeValueAsBytes(node);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Blobs of a layout or archive by relative path, plus the index. */
    static final class Store {
        final Map<String, byte[]> files = new LinkedHashMap<>();
        final ArrayNode index = JSON.arrayNode();

        Store add(byte[] blob) {
            files.put("blobs/sha256/" + Digest.sha256(blob).hex(), blob);
            return this;
        }

        Store add(Image image) {
            add(image.config()).add(image.manifest());
            image.layers().forEach(layer -> add(layer.blob()));
            return this;
        }

        /** Lists a manifest (or index) in index.json with optional ref name and platform. */
        Store list(String mediaType, byte[] document, String refName, String platform) {
            ObjectNode entry = descriptor(mediaType, document);
            if (refName != null) {
                entry.putObject("annotations").put(Descriptor.REF_NAME, refName);
            }
            if (platform != null) {
                String[] parts = platform.split("/");
                ObjectNode node = entry.putObject("platform");
                node.put("os", parts[0]).put("architecture", parts[1]);
                if (parts.length > 2) {
                    node.put("variant", parts[2]);
                }
            }
            index.add(entry);
            return this;
        }

        Store listImage(Image image, String refName) {
            return add(image).list(MediaTypes.OCI_MANIFEST, image.manifest(), refName, null);
        }

        byte[] indexJson() {
            ObjectNode root = JSON.objectNode();
            root.put("schemaVersion", 2);
            root.put("mediaType", MediaTypes.OCI_INDEX);
            root.set("manifests", index);
            return json(root);
        }

        Path writeLayout(Path directory) {
            try {
                Files.createDirectories(directory);
                Files.writeString(directory.resolve("oci-layout"), "{\"imageLayoutVersion\":\"1.0.0\"}");
                Files.write(directory.resolve("index.json"), indexJson());
                for (Map.Entry<String, byte[]> file : files.entrySet()) {
                    Path path = directory.resolve(file.getKey());
                    Files.createDirectories(path.getParent());
                    Files.write(path, file.getValue());
                }
                return directory;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    static Path layout(Path directory, Image image, String refName) {
        return new Store().listImage(image, refName).writeLayout(directory);
    }

    /** An index document listing manifests with platforms. */
    static byte[] index(String mediaType, List<Map.Entry<byte[], String>> manifests, UnaryOperator<ObjectNode> extra) {
        ObjectNode root = JSON.objectNode();
        root.put("schemaVersion", 2);
        root.put("mediaType", mediaType);
        ArrayNode array = root.putArray("manifests");
        for (Map.Entry<byte[], String> manifest : manifests) {
            ObjectNode entry = descriptor(MediaTypes.OCI_MANIFEST, manifest.getKey());
            String[] parts = manifest.getValue().split("/");
            entry.putObject("platform").put("os", parts[0]).put("architecture", parts[1]);
            array.add(extra.apply(entry));
        }
        return json(root);
    }

    /** A legacy {@code docker save} tar: {@code <id>/layer.tar}, {@code <config-hex>.json}, manifest.json. */
    static byte[] legacyDockerArchive(Image image, List<String> repoTags, boolean linkDuplicateLayers) {
        Map<String, byte[]> files = new LinkedHashMap<>();
        Map<String, String> links = new LinkedHashMap<>();
        List<String> layerPaths = new ArrayList<>();
        Map<Digest, String> firstPath = new LinkedHashMap<>();
        int id = 0;
        for (Layer layer : image.layers()) {
            String path = String.format(java.util.Locale.ROOT, "%064x/layer.tar", ++id);
            if (linkDuplicateLayers && firstPath.containsKey(layer.diffId())) {
                links.put(path, "../" + firstPath.get(layer.diffId()));
            } else {
                files.put(path, layer.tar());
                firstPath.put(layer.diffId(), path);
            }
            layerPaths.add(path);
        }
        String configPath = image.configDigest().hex() + ".json";
        files.put(configPath, image.config());
        ArrayNode manifest = JSON.arrayNode();
        ObjectNode entry = manifest.addObject();
        entry.put("Config", configPath);
        ArrayNode tags = entry.putArray("RepoTags");
        repoTags.forEach(tags::add);
        ArrayNode layers = entry.putArray("Layers");
        layerPaths.forEach(layers::add);
        files.put("manifest.json", json(manifest));
        return tar(files, links);
    }

    /** A docker 25+ {@code docker save} tar: an OCI layout plus manifest.json pointing into blobs/. */
    static byte[] ociDockerArchive(Image image, String fullName) {
        Store store = new Store().add(image);
        ObjectNode entry = descriptor(MediaTypes.OCI_MANIFEST, image.manifest());
        entry.putObject("annotations")
                .put(OciLayout.CONTAINERD_IMAGE_NAME, fullName)
                .put(Descriptor.REF_NAME, fullName.substring(fullName.lastIndexOf(':') + 1));
        store.index.add(entry);
        Map<String, byte[]> files = new LinkedHashMap<>(store.files);
        files.put("index.json", store.indexJson());
        ArrayNode manifest = JSON.arrayNode();
        ObjectNode legacy = manifest.addObject();
        legacy.put("Config", "blobs/sha256/" + image.configDigest().hex());
        legacy.putArray("RepoTags").add(fullName.replace("docker.io/library/", ""));
        ArrayNode layers = legacy.putArray("Layers");
        image.layers()
                .forEach(layer -> layers.add("blobs/sha256/" + layer.digest().hex()));
        files.put("manifest.json", json(manifest));
        files.put("oci-layout", "{\"imageLayoutVersion\":\"1.0.0\"}".getBytes(StandardCharsets.UTF_8));
        return tar(files, Map.of());
    }

    static byte[] tar(Map<String, byte[]> files, Map<String, String> symlinks) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(bytes)) {
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            for (Map.Entry<String, byte[]> file : files.entrySet()) {
                TarArchiveEntry entry = new TarArchiveEntry(file.getKey());
                entry.setSize(file.getValue().length);
                tar.putArchiveEntry(entry);
                tar.write(file.getValue());
                tar.closeArchiveEntry();
            }
            for (Map.Entry<String, String> link : symlinks.entrySet()) {
                TarArchiveEntry entry = new TarArchiveEntry(link.getKey(), TarConstants.LF_SYMLINK);
                entry.setLinkName(link.getValue());
                tar.putArchiveEntry(entry);
                tar.closeArchiveEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }
}
