package dev.assay.oci;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.assay.model.InvalidInputException;
import dev.assay.model.untrusted.Limits;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** OCI layouts, docker archives and platform selection. */
class ImageReaderTest {
    @TempDir
    Path temp;

    private static TestImages.Image image(String os, String architecture, String file) {
        return TestImages.image(
                os, architecture, List.of(TestImages.Layer.gzip(new TestLayer().file(file, architecture))));
    }

    @Test
    void openLayout_singleImage_readsConfigTagsAndDigests() throws IOException {
        TestImages.Image image = image("linux", "amd64", "a.txt");
        Path layout = TestImages.layout(temp.resolve("layout"), image, "docker.io/library/app:1.0");

        try (ContainerImage opened = OciLayout.open(layout, null, null)) {
            assertThat(opened.manifestDigest()).contains(image.manifestDigest());
            assertThat(opened.configDigest()).isEqualTo(image.configDigest());
            assertThat(opened.config().platform()).isEqualTo(Platform.LINUX_AMD64);
            assertThat(opened.config().history()).hasSize(1);
            assertThat(opened.layers()).hasSize(1);
            assertThat(opened.tags()).containsExactly("docker.io/library/app:1.0");
            assertThat(opened.reference()).hasValueSatisfying(reference -> {
                assertThat(reference.repositoryUrl()).isEqualTo("docker.io/library/app");
                assertThat(reference.tag()).isEqualTo("1.0");
            });
        }
    }

    @Test
    void openLayout_nestedIndex_choosesLinuxAmd64ByDefaultAndOtherPlatformsOnRequest() throws IOException {
        TestImages.Image amd64 = image("linux", "amd64", "amd64.txt");
        TestImages.Image arm64 = image("linux", "arm64", "arm64.txt");
        TestImages.Image arm = image("linux", "arm", "arm.txt");
        byte[] attestation = TestImages.json(TestImages.JSON.objectNode().put("schemaVersion", 2));
        byte[] inner = TestImages.index(
                MediaTypes.OCI_INDEX,
                List.of(
                        Map.entry(attestation, "unknown/unknown"),
                        Map.entry(arm64.manifest(), "linux/arm64"),
                        Map.entry(amd64.manifest(), "linux/amd64"),
                        Map.entry(arm.manifest(), "linux/arm/v7")),
                entry -> entry);
        Path layout = new TestImages.Store()
                .add(amd64)
                .add(arm64)
                .add(arm)
                .add(inner)
                .add(attestation)
                .list(MediaTypes.OCI_INDEX, inner, "multi", null)
                .writeLayout(temp.resolve("layout"));

        try (ContainerImage byDefault = OciLayout.open(layout, null, null);
                ContainerImage requested = OciLayout.open(layout, Platform.parse("linux/arm64/v8"), "multi");
                ContainerImage anyArm = OciLayout.open(layout, Platform.parse("linux/arm"), null)) {
            assertThat(byDefault.manifestDigest()).contains(amd64.manifestDigest());
            assertThat(requested.manifestDigest()).contains(arm64.manifestDigest());
            assertThat(anyArm.manifestDigest()).contains(arm.manifestDigest());
            assertThat(byDefault.tags()).containsExactly("multi");
        }
        assertThatThrownBy(() -> OciLayout.open(layout, Platform.parse("linux/s390x"), null))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("no image for platform linux/s390x")
                .hasMessageContaining("linux/arm64");
        assertThatThrownBy(() -> OciLayout.open(layout, null, "nope"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("no image named nope");
    }

    @Test
    void openLayout_onlyImageIsArm64_isTakenWhenNoPlatformWasRequested() throws IOException {
        TestImages.Image arm64 = image("linux", "arm64", "a");
        Path layout = TestImages.layout(temp.resolve("layout"), arm64, null);

        try (ContainerImage opened = OciLayout.open(layout, null, null)) {
            assertThat(opened.config().architecture()).isEqualTo("arm64");
        }
        assertThatThrownBy(() -> OciLayout.open(layout, Platform.LINUX_AMD64, null))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("linux/arm64");
    }

    @Test
    void openLayout_manifestNotMatchingItsDigest_isRejected() throws IOException {
        TestImages.Image image = image("linux", "amd64", "a");
        Path layout = TestImages.layout(temp.resolve("layout"), image, null);
        Path manifest = layout.resolve("blobs/sha256/" + image.manifestDigest().hex());
        byte[] content = Files.readAllBytes(manifest);
        content[content.length - 2] ^= 1;
        Files.write(manifest, content);

        assertThatThrownBy(() -> OciLayout.open(layout, null, null))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("does not match its digest");
    }

    @Test
    void openLayout_blobThatIsASymlink_isNotFollowed() throws IOException {
        TestImages.Image image = image("linux", "amd64", "a");
        Path layout = TestImages.layout(temp.resolve("layout"), image, null);
        Path config = layout.resolve("blobs/sha256/" + image.configDigest().hex());
        Path elsewhere = Files.write(temp.resolve("elsewhere"), image.config());
        Files.delete(config);
        Files.createSymbolicLink(config, elsewhere);

        assertThatThrownBy(() -> OciLayout.open(layout, null, null))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("lacks blob");
    }

    @Test
    void openLayout_layerCountDisagreesWithDiffIds_isRejected() throws IOException {
        TestImages.Layer layer = TestImages.Layer.gzip(new TestLayer().file("a", "a"));
        TestImages.Image image = TestImages.image(List.of(layer));
        ObjectNode manifest = (ObjectNode) dev.assay.model.untrusted.SafeJson.read(image.manifest(), "m");
        manifest.withArray("layers").add(TestImages.descriptor("x", layer.blob()));
        byte[] tampered = TestImages.json(manifest);
        Path layout = new TestImages.Store()
                .add(image)
                .add(tampered)
                .list(MediaTypes.OCI_MANIFEST, tampered, null, null)
                .writeLayout(temp.resolve("layout"));

        assertThatThrownBy(() -> OciLayout.open(layout, null, null))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("diff_ids");
    }

    @Test
    void openDockerArchive_legacyLayoutWithLinkedDuplicateLayer_unpacks() throws IOException {
        TestImages.Layer base = TestImages.Layer.plain(new TestLayer().file("etc/base", "b"));
        TestImages.Layer empty = TestImages.Layer.plain(new TestLayer());
        TestImages.Layer top = TestImages.Layer.plain(new TestLayer().file("app/top", "t"));
        TestImages.Image image = TestImages.image(List.of(base, empty, top, empty));
        Path archive = Files.write(
                temp.resolve("legacy.tar"), TestImages.legacyDockerArchive(image, List.of("app:1.0"), true));

        assertThat(DockerArchive.isImageArchive(archive)).isTrue();
        try (ContainerImage opened = DockerArchive.open(archive, temp, null, Limits.DEFAULT)) {
            assertThat(opened.manifestDigest()).isEmpty();
            assertThat(opened.configDigest()).isEqualTo(image.configDigest());
            assertThat(opened.tags()).containsExactly("docker.io/library/app:1.0");
            UnpackedImage unpacked =
                    ImageUnpacker.unpack(opened, temp.resolve("rootfs"), Limits.DEFAULT, ImageProgress.NONE);
            assertThat(unpacked.layerByPath())
                    .containsEntry("etc/base", base.diffId().toString())
                    .containsEntry("app/top", top.diffId().toString());
        }
    }

    @Test
    void openDockerArchive_docker25OciLayout_usesTheManifestDigestAndRepoTags() throws IOException {
        TestImages.Layer layer = TestImages.Layer.gzip(new TestLayer().file("x", "x"));
        TestImages.Image image = TestImages.image(List.of(layer));
        Path archive =
                Files.write(temp.resolve("oci.tar"), TestImages.ociDockerArchive(image, "docker.io/library/app:2.0"));

        assertThat(DockerArchive.isImageArchive(archive)).isTrue();
        try (ContainerImage opened = DockerArchive.open(archive, temp, null, Limits.DEFAULT)) {
            assertThat(opened.manifestDigest()).contains(image.manifestDigest());
            assertThat(opened.tags()).contains("docker.io/library/app:2.0");
            assertThat(opened.reference()).hasValueSatisfying(reference -> {
                assertThat(reference.tag()).isEqualTo("2.0");
                assertThat(reference.digest()).isEqualTo(image.manifestDigest());
            });
        }
    }

    @Test
    void openDockerArchive_gzipped_isExpandedAndRead() throws IOException {
        TestImages.Image image = image("linux", "amd64", "a");
        byte[] tar = TestImages.legacyDockerArchive(image, List.of(), false);
        Path archive = Files.write(temp.resolve("image.tar.gz"), TestLayer.gzip(tar));

        assertThat(DockerArchive.isImageArchive(archive)).isTrue();
        try (ContainerImage opened = DockerArchive.open(archive, temp, null, Limits.DEFAULT)) {
            assertThat(opened.configDigest()).isEqualTo(image.configDigest());
            assertThat(opened.reference()).isEmpty();
        }
    }

    @Test
    void openDockerArchive_configNotMatchingItsName_isRejected() throws IOException {
        TestImages.Image image = image("linux", "amd64", "a");
        // The config file is named for one digest but holds other content.
        byte[] otherConfig = new String(image.config(), StandardCharsets.UTF_8)
                .replace("amd64", "arm64")
                .getBytes(StandardCharsets.UTF_8);
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put(image.configDigest().hex() + ".json", otherConfig);
        files.put(
                "manifest.json",
                ("[{\"Config\":\"" + image.configDigest().hex() + ".json\",\"RepoTags\":[],\"Layers\":[]}]")
                        .getBytes(StandardCharsets.UTF_8));
        Path archive = Files.write(temp.resolve("tampered.tar"), TestImages.tar(files, Map.of()));

        assertThatThrownBy(() -> DockerArchive.open(archive, temp, null, Limits.DEFAULT))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("does not match its digest");
    }

    @Test
    void openDockerArchive_truncatedTar_isRejected() throws IOException {
        TestImages.Image image = image("linux", "amd64", "a");
        byte[] tar = TestImages.legacyDockerArchive(image, List.of(), false);
        Path archive = Files.write(temp.resolve("cut.tar"), java.util.Arrays.copyOf(tar, 1500));

        assertThatThrownBy(() -> DockerArchive.open(archive, temp, null, Limits.DEFAULT))
                .isInstanceOf(InvalidInputException.class);
    }

    @Test
    void isImageArchive_ordinaryTarsAndOtherFiles_areNot() throws IOException {
        Path sourceTar = Files.write(
                temp.resolve("src.tar"),
                TestImages.tar(Map.of("src/main.c", new byte[10], "package.json", new byte[2]), Map.of()));
        Path text = Files.writeString(temp.resolve("notes.txt"), "manifest.json is mentioned here");
        Path empty = Files.write(temp.resolve("empty"), new byte[0]);
        Path gzipText = Files.write(temp.resolve("x.gz"), TestLayer.gzip(new byte[4096]));

        assertThat(DockerArchive.isImageArchive(sourceTar)).isFalse();
        assertThat(DockerArchive.isImageArchive(text)).isFalse();
        assertThat(DockerArchive.isImageArchive(empty)).isFalse();
        assertThat(DockerArchive.isImageArchive(gzipText)).isFalse();
    }
}
