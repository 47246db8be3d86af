package dev.assay.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.assay.catalog.ProgressListener;
import dev.assay.catalog.spi.PathPattern;
import dev.assay.catalog.spi.SourceKind;
import dev.assay.model.Component;
import dev.assay.model.ComponentKind;
import dev.assay.model.InvalidInputException;
import dev.assay.model.Location;
import dev.assay.model.NoVerdictException;
import dev.assay.model.Sbom;
import dev.assay.model.untrusted.SafeJson;
import dev.assay.oci.Digest;
import dev.assay.oci.Platform;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Images as inventory targets, end to end through {@link InventoryEngine} and {@link SourceResolver}. */
@Timeout(60)
class ImageSourcesTest {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    @TempDir
    Path temp;

    /** A two-layer image: a base with an npm package and a file the top layer whites out. */
    private final byte[] baseLayer = tar(Map.of(
            "usr/lib/node_modules/x/package.json", "{\"name\":\"x\",\"version\":\"1.2.3\"}",
            "etc/motd", "hello",
            "app/config.yml", "v: 1"));

    private final byte[] topLayer =
            tar(Map.of("etc/.wh.motd", "", "app/config.yml", "v: 2", "app/run.sh", "#!/bin/sh"));
    private final byte[] topBlob = gzip(topLayer);
    private final byte[] config = config();
    private final byte[] manifest = manifest();

    @Test
    void inventory_dockerArchive_describesTheImageAsTheSbomSubject() throws IOException {
        Path archive = Files.write(temp.resolve("app.tar"), dockerArchive("app:1.0"));

        Sbom sbom = InventoryEngine.withDefaults()
                .inventory(InventoryRequest.of(archive.toString()), ProgressListener.NONE);

        Component subject = sbom.metadata().subject();
        assertThat(subject.kind()).isEqualTo(ComponentKind.CONTAINER);
        assertThat(subject.purl().type()).isEqualTo("oci");
        assertThat(subject.purl().name()).isEqualTo("app");
        assertThat(subject.purl().version()).contains(Digest.sha256(manifest).toString());
        assertThat(subject.purl().qualifiers())
                .containsEntry("repository_url", "docker.io/library/app")
                .containsEntry("tag", "1.0");
        assertThat(sbom.metadata().properties())
                .containsEntry("assay:source-kind", "image")
                .containsEntry("assay:image-digest", Digest.sha256(manifest).toString())
                .containsEntry(
                        "assay:image-config-digest", Digest.sha256(config).toString())
                .containsEntry("assay:image-tags", "docker.io/library/app:1.0")
                .containsEntry("assay:image-os", "linux")
                .containsEntry("assay:image-architecture", "amd64");
        assertThat(sbom.components())
                .flatExtracting(Component::evidence)
                .allSatisfy(evidence -> assertThat(evidence.location().layerDigest())
                        .isIn(
                                Digest.sha256(baseLayer).toString(),
                                Digest.sha256(topLayer).toString()));
    }

    @Test
    void open_ociLayout_givesEveryFileTheDiffIdOfTheLayerThatLastWroteIt() throws IOException {
        Path layout = ociLayout(temp.resolve("layout"));

        ResolvedSource source = SourceResolver.open(
                InventoryRequest.of(layout.toString()),
                Files.createDirectories(temp.resolve("work")),
                ProgressListener.NONE);

        assertThat(source.kind()).isEqualTo(SourceKind.IMAGE);
        Map<String, String> layers = new LinkedHashMap<>();
        for (Location location : source.files().files(PathPattern.glob("**"))) {
            layers.put(location.path(), location.layerDigest());
        }
        String base = Digest.sha256(baseLayer).toString();
        String top = Digest.sha256(topLayer).toString();
        assertThat(layers)
                .containsOnly(
                        Map.entry("usr/lib/node_modules/x/package.json", base),
                        Map.entry("app/config.yml", top),
                        Map.entry("app/run.sh", top));
        assertThat(source.subject().purl().qualifiers()).containsEntry("tag", "latest");
        assertThat(source.subject().purl().name()).isEqualTo("layout");
        assertThat(source.properties()).containsEntry("assay:image-layers", base + "," + top);
    }

    @Test
    void inventory_multiPlatformLayout_readsTheRequestedPlatformsImage() throws IOException {
        Path layout = multiPlatformLayout(temp.resolve("multi"));

        Sbom byDefault =
                InventoryEngine.withDefaults().inventory(InventoryRequest.of(layout.toString()), ProgressListener.NONE);
        Sbom arm = InventoryEngine.withDefaults()
                .inventory(
                        new InventoryRequest(
                                layout.toString(), TargetKind.AUTO, null, null, Platform.parse("linux/arm64")),
                        ProgressListener.NONE);

        assertThat(byDefault.components()).extracting(Component::bomRef).contains("pkg:npm/x@1.0.0");
        assertThat(byDefault.metadata().properties()).containsEntry("assay:image-architecture", "amd64");
        assertThat(arm.components())
                .extracting(Component::bomRef)
                .contains("pkg:npm/x@2.0.0")
                .doesNotContain("pkg:npm/x@1.0.0");
        assertThat(arm.metadata().properties()).containsEntry("assay:image-architecture", "arm64");
        assertThatThrownBy(() -> InventoryEngine.withDefaults()
                        .inventory(
                                new InventoryRequest(
                                        layout.toString(), TargetKind.AUTO, null, null, Platform.parse("linux/s390x")),
                                ProgressListener.NONE))
                .isInstanceOf(dev.assay.model.InvalidInputException.class)
                .hasMessageContaining("linux/s390x");
    }

    /** An index of two single-layer images, linux/amd64 with x 1.0.0 and linux/arm64 with x 2.0.0. */
    private Path multiPlatformLayout(Path directory) throws IOException {
        Map<String, byte[]> files = new LinkedHashMap<>();
        ArrayNode manifests = JSON.arrayNode();
        for (String[] platform : List.of(new String[] {"amd64", "1.0.0"}, new String[] {"arm64", "2.0.0"})) {
            byte[] layer = tar(Map.of(
                    "usr/lib/node_modules/x/package.json", "{\"name\":\"x\",\"version\":\"" + platform[1] + "\"}"));
            ObjectNode configJson =
                    JSON.objectNode().put("architecture", platform[0]).put("os", "linux");
            configJson
                    .putObject("rootfs")
                    .put("type", "layers")
                    .putArray("diff_ids")
                    .add(Digest.sha256(layer).toString());
            byte[] imageConfig = json(configJson);
            ObjectNode manifestJson = JSON.objectNode()
                    .put("schemaVersion", 2)
                    .put("mediaType", "application/vnd.oci.image.manifest.v1+json");
            manifestJson.set("config", descriptor("application/vnd.oci.image.config.v1+json", imageConfig));
            manifestJson.putArray("layers").add(descriptor("application/vnd.oci.image.layer.v1.tar", layer));
            byte[] imageManifest = json(manifestJson);
            for (byte[] blob : List.of(layer, imageConfig, imageManifest)) {
                files.put("blobs/sha256/" + Digest.sha256(blob).hex(), blob);
            }
            ObjectNode entry = descriptor("application/vnd.oci.image.manifest.v1+json", imageManifest);
            entry.putObject("platform").put("os", "linux").put("architecture", platform[0]);
            manifests.add(entry);
        }
        ObjectNode index = JSON.objectNode().put("schemaVersion", 2);
        index.set("manifests", manifests);
        files.put("index.json", json(index));
        return writeLayout(directory, files);
    }

    @Test
    void detect_eachKindOfTarget_isRecognisedFromTheTargetItself() throws IOException {
        Path directory = Files.createDirectories(temp.resolve("src"));
        Files.writeString(directory.resolve("package.json"), "{}");
        Path rootfs = Files.createDirectories(temp.resolve("rootfs/etc"));
        Files.writeString(rootfs.resolve("os-release"), "ID=debian\n");
        Files.createDirectories(temp.resolve("rootfs/var/lib/dpkg"));
        Files.writeString(temp.resolve("rootfs/var/lib/dpkg/status"), "");
        Path file = Files.writeString(temp.resolve("package-lock.json"), "{}");
        Path plainTar = Files.write(temp.resolve("sources.tar"), tar(Map.of("src/a.c", "int x;")));
        Path layout = ociLayout(temp.resolve("layout"));
        Path archive = Files.write(temp.resolve("image.tar"), dockerArchive("app:1.0"));
        Path compressedArchive = Files.write(temp.resolve("image.tar.gz"), gzip(dockerArchive("app:1.0")));

        assertThat(detect(directory.toString())).isEqualTo(TargetKind.DIRECTORY);
        assertThat(detect(temp.resolve("rootfs").toString())).isEqualTo(TargetKind.ROOTFS);
        assertThat(detect(file.toString())).isEqualTo(TargetKind.FILE);
        assertThat(detect(plainTar.toString())).isEqualTo(TargetKind.FILE);
        assertThat(detect(layout.toString())).isEqualTo(TargetKind.OCI_LAYOUT);
        assertThat(detect(archive.toString())).isEqualTo(TargetKind.DOCKER_ARCHIVE);
        assertThat(detect(compressedArchive.toString())).isEqualTo(TargetKind.DOCKER_ARCHIVE);
        assertThat(detect("alpine")).isEqualTo(TargetKind.REGISTRY);
        assertThat(detect("ghcr.io/org/tool:1.2@sha256:" + "a".repeat(64))).isEqualTo(TargetKind.REGISTRY);
        assertThat(detect("127.0.0.1:5000/test/app:1.0")).isEqualTo(TargetKind.REGISTRY);
        assertThatThrownBy(() -> detect(temp.resolve("missing").toString())).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> detect("pom.xm")).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> detect("./missing-dir")).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> detect("Not A Reference")).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void inventory_unreachableRegistry_isNoVerdict() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        InventoryRequest request = new InventoryRequest(
                "127.0.0.1:" + port + "/test/app:1.0", TargetKind.AUTO, new RegistryOptions(true, null, null), null);

        assertThatThrownBy(() -> InventoryEngine.withDefaults().inventory(request, ProgressListener.NONE))
                .isInstanceOf(NoVerdictException.class)
                .hasMessageContaining("unreachable");
    }

    @Test
    void open_registryWithOnlyAUsername_isAUsageError() {
        InventoryRequest request = new InventoryRequest(
                "127.0.0.1:1/test/app:1.0", TargetKind.REGISTRY, new RegistryOptions(true, "alice", null), null);

        assertThatThrownBy(() -> SourceResolver.open(request, temp, ProgressListener.NONE))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("both a username and a password");
    }

    private static TargetKind detect(String target) {
        return SourceResolver.detect(target, Path.of(target));
    }

    private byte[] config() {
        ObjectNode root = JSON.objectNode().put("architecture", "amd64").put("os", "linux");
        ObjectNode rootfs = root.putObject("rootfs").put("type", "layers");
        rootfs.putArray("diff_ids")
                .add(Digest.sha256(baseLayer).toString())
                .add(Digest.sha256(topLayer).toString());
        return json(root);
    }

    private byte[] manifest() {
        ObjectNode root = JSON.objectNode()
                .put("schemaVersion", 2)
                .put("mediaType", "application/vnd.oci.image.manifest.v1+json");
        root.set("config", descriptor("application/vnd.oci.image.config.v1+json", config));
        root.putArray("layers")
                .add(descriptor("application/vnd.oci.image.layer.v1.tar", baseLayer))
                .add(descriptor("application/vnd.oci.image.layer.v1.tar+gzip", topBlob));
        return json(root);
    }

    private Map<String, byte[]> blobs() {
        Map<String, byte[]> blobs = new LinkedHashMap<>();
        for (byte[] blob : List.of(config, manifest, baseLayer, topBlob)) {
            blobs.put("blobs/sha256/" + Digest.sha256(blob).hex(), blob);
        }
        return blobs;
    }

    private byte[] index(String refName) {
        ObjectNode root = JSON.objectNode().put("schemaVersion", 2);
        ObjectNode entry = descriptor("application/vnd.oci.image.manifest.v1+json", manifest);
        entry.putObject("annotations").put("org.opencontainers.image.ref.name", refName);
        root.putArray("manifests").add(entry);
        return json(root);
    }

    private Path ociLayout(Path directory) throws IOException {
        Map<String, byte[]> files = blobs();
        files.put("index.json", index("latest"));
        return writeLayout(directory, files);
    }

    /** Writes {@code files} (paths relative to the layout) and the oci-layout marker under {@code directory}. */
    private static Path writeLayout(Path directory, Map<String, byte[]> files) throws IOException {
        files.put("oci-layout", "{\"imageLayoutVersion\":\"1.0.0\"}".getBytes(StandardCharsets.UTF_8));
        for (Map.Entry<String, byte[]> file : files.entrySet()) {
            Path path = directory.resolve(file.getKey());
            Files.createDirectories(path.getParent());
            Files.write(path, file.getValue());
        }
        return directory;
    }

    /** The layout docker 25 and later write: OCI blobs plus manifest.json with RepoTags. */
    private byte[] dockerArchive(String repoTag) {
        Map<String, byte[]> files = blobs();
        files.put("index.json", index(repoTag.substring(repoTag.indexOf(':') + 1)));
        files.put("oci-layout", "{\"imageLayoutVersion\":\"1.0.0\"}".getBytes(StandardCharsets.UTF_8));
        ArrayNode manifestJson = JSON.arrayNode();
        ObjectNode entry = manifestJson.addObject();
        entry.put("Config", "blobs/sha256/" + Digest.sha256(config).hex());
        entry.putArray("RepoTags").add(repoTag);
        entry.putArray("Layers")
                .add("blobs/sha256/" + Digest.sha256(baseLayer).hex())
                .add("blobs/sha256/" + Digest.sha256(topBlob).hex());
        files.put("manifest.json", json(manifestJson));
        return tarBytes(files);
    }

    private static ObjectNode descriptor(String mediaType, byte[] content) {
        return JSON.objectNode()
                .put("mediaType", mediaType)
                .put("digest", Digest.sha256(content).toString())
                .put("size", content.length);
    }

    private static byte[] json(Object node) {
        try {
            return SafeJson.mapper().writeValueAsBytes(node);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static byte[] tar(Map<String, String> files) {
        Map<String, byte[]> bytes = new LinkedHashMap<>();
        new ArrayList<>(files.keySet())
                .stream()
                        .sorted()
                        .forEach(name -> bytes.put(name, files.get(name).getBytes(StandardCharsets.UTF_8)));
        return tarBytes(bytes);
    }

    private static byte[] tarBytes(Map<String, byte[]> files) {
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
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        return bytes.toByteArray();
    }

    private static byte[] gzip(byte[] content) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (OutputStream gzip = new GZIPOutputStream(bytes)) {
            gzip.write(content);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        return bytes.toByteArray();
    }
}
