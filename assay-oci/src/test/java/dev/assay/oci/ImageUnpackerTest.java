package dev.assay.oci;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.assay.model.InputTooLargeException;
import dev.assay.model.InvalidInputException;
import dev.assay.model.untrusted.Limits;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageUnpackerTest {
    @TempDir
    Path temp;

    private UnpackedImage unpack(List<TestImages.Layer> layers) {
        return unpack(layers, Limits.DEFAULT);
    }

    private UnpackedImage unpack(List<TestImages.Layer> layers, Limits limits) {
        TestImages.Image image = TestImages.image(layers);
        Path layout = TestImages.layout(temp.resolve("layout"), image, "latest");
        try (ContainerImage opened = OciLayout.open(layout, null, null)) {
            return ImageUnpacker.unpack(opened, temp.resolve("rootfs"), limits, ImageProgress.NONE);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private Path rootfs() {
        return temp.resolve("rootfs");
    }

    @Test
    void unpack_layersOverwriteAndAdd_attributesEachFileToTheLayerThatLastWroteIt() throws IOException {
        TestImages.Layer base = TestImages.Layer.gzip(new TestLayer()
                .directory("etc")
                .file("etc/os-release", "ID=test\n")
                .file("etc/hostname", "one"));
        TestImages.Layer top = TestImages.Layer.gzip(
                new TestLayer().file("etc/hostname", "two").file("app/x.txt", "x"));

        UnpackedImage unpacked = unpack(List.of(base, top));

        assertThat(Files.readString(rootfs().resolve("etc/hostname"))).isEqualTo("two");
        assertThat(unpacked.layerByPath())
                .containsEntry("etc/os-release", base.diffId().toString())
                .containsEntry("etc/hostname", top.diffId().toString())
                .containsEntry("app/x.txt", top.diffId().toString())
                .hasSize(3);
    }

    @Test
    void unpack_whiteout_removesTheLowerFileAndItsAttribution() throws IOException {
        TestImages.Layer base = TestImages.Layer.plain(
                new TestLayer().file("a/keep", "k").file("a/gone", "g").file("dir/sub/file", "f"));
        TestImages.Layer top =
                TestImages.Layer.plain(new TestLayer().whiteout("a", "gone").whiteout("", "dir"));

        UnpackedImage unpacked = unpack(List.of(base, top));

        assertThat(rootfs().resolve("a/keep")).exists();
        assertThat(rootfs().resolve("a/gone")).doesNotExist();
        assertThat(rootfs().resolve("a/.wh.gone")).doesNotExist();
        assertThat(rootfs().resolve("dir")).doesNotExist();
        assertThat(unpacked.layerByPath()).containsOnlyKeys("a/keep");
    }

    @Test
    void unpack_opaqueDirectory_hidesLowerContentButKeepsWhatTheSameLayerWrote() throws IOException {
        TestImages.Layer base = TestImages.Layer.plain(new TestLayer()
                .file("opt/app/old.txt", "old")
                .file("opt/app/lib/old.jar", "jar")
                .file("opt/other", "o"));
        // The opaque marker comes after a sibling this layer wrote: that sibling must survive.
        TestImages.Layer top = TestImages.Layer.plain(new TestLayer()
                .directory("opt/app")
                .file("opt/app/new.txt", "new")
                .opaque("opt/app")
                .file("opt/app/lib/new.jar", "jar2"));

        UnpackedImage unpacked = unpack(List.of(base, top));

        assertThat(rootfs().resolve("opt/app/old.txt")).doesNotExist();
        assertThat(rootfs().resolve("opt/app/lib/old.jar")).doesNotExist();
        assertThat(rootfs().resolve("opt/app/new.txt")).hasContent("new");
        assertThat(rootfs().resolve("opt/app/lib/new.jar")).hasContent("jar2");
        assertThat(rootfs().resolve("opt/other")).exists();
        assertThat(unpacked.layerByPath()).containsOnlyKeys("opt/app/new.txt", "opt/app/lib/new.jar", "opt/other");
    }

    @Test
    void unpack_whiteoutOfFileWrittenInTheSameLayer_keepsIt() throws IOException {
        TestImages.Layer only = TestImages.Layer.plain(
                new TestLayer().file("x/file", "same layer").whiteout("x", "file"));

        unpack(List.of(only));

        assertThat(rootfs().resolve("x/file")).hasContent("same layer");
    }

    @Test
    void unpack_pathTraversalNames_landInsideTheRootfs() throws IOException {
        String marker = "assay-traversal-" + System.nanoTime();
        TestImages.Layer layer = TestImages.Layer.plain(new TestLayer()
                .file("../../../../../../tmp/" + marker, "dotdot")
                .file("/abs/" + marker, "absolute")
                .file("./ok/../fine", "fine"));

        UnpackedImage unpacked = unpack(List.of(layer));

        assertThat(Path.of("/tmp", marker)).doesNotExist();
        assertThat(Path.of("/abs", marker)).doesNotExist();
        assertThat(rootfs().resolve("tmp/" + marker)).hasContent("dotdot");
        assertThat(rootfs().resolve("abs/" + marker)).hasContent("absolute");
        assertThat(rootfs().resolve("fine")).hasContent("fine");
        assertThat(unpacked.layerByPath()).containsKeys("tmp/" + marker, "abs/" + marker, "fine");
    }

    @Test
    void unpack_writeThroughAbsoluteSymlink_staysInsideTheRootfs() throws IOException {
        Path outside = Files.createDirectories(temp.resolve("outside"));
        String marker = "escape-" + System.nanoTime();
        TestImages.Layer first = TestImages.Layer.plain(new TestLayer()
                .symlink("evil", outside.toString())
                .symlink("etclink", "/etc")
                .symlink("up", "../../../../../../../../" + outside));
        TestImages.Layer second = TestImages.Layer.plain(new TestLayer()
                .file("evil/" + marker, "pwned")
                .file("etclink/" + marker, "pwned")
                .file("up/" + marker, "pwned"));

        UnpackedImage unpacked = unpack(List.of(first, second));

        assertThat(outside.resolve(marker)).doesNotExist();
        assertThat(Path.of("/etc", marker)).doesNotExist();
        // The link target is interpreted as if the rootfs were /, as a container would see it.
        Path confined = rootfs().resolve(outside.toString().substring(1)).resolve(marker);
        assertThat(confined).hasContent("pwned");
        assertThat(rootfs().resolve("etc").resolve(marker)).hasContent("pwned");
        assertThat(Files.isSymbolicLink(rootfs().resolve("evil"))).isTrue();
        assertThat(unpacked.layerByPath()).containsKey("etc/" + marker);
    }

    @Test
    void unpack_fileReplacingASymlink_neverWritesThroughIt() throws IOException {
        Path victim = Files.writeString(temp.resolve("victim"), "original");
        TestImages.Layer first = TestImages.Layer.plain(new TestLayer().symlink("passwd", victim.toString()));
        TestImages.Layer second = TestImages.Layer.plain(new TestLayer().file("passwd", "overwritten"));

        unpack(List.of(first, second));

        assertThat(victim).hasContent("original");
        assertThat(Files.isSymbolicLink(rootfs().resolve("passwd"))).isFalse();
        assertThat(rootfs().resolve("passwd")).hasContent("overwritten");
    }

    @Test
    void unpack_hardLinks_linkInsideTheRootfsOnly() throws IOException {
        Path victim = Files.writeString(temp.resolve("secret"), "host secret");
        TestImages.Layer layer = TestImages.Layer.plain(new TestLayer()
                .file("bin/busybox", "binary")
                .hardlink("bin/sh", "bin/busybox")
                .symlink("hostdir", temp.toString())
                .hardlink("stolen", "hostdir/secret")
                .hardlink("stolen2", "../../../../../../.." + victim));

        UnpackedImage unpacked = unpack(List.of(layer));

        assertThat(rootfs().resolve("bin/sh")).hasContent("binary");
        assertThat(unpacked.layerByPath())
                .containsEntry("bin/sh", layer.diffId().toString());
        assertThat(rootfs().resolve("stolen")).doesNotExist();
        assertThat(rootfs().resolve("stolen2")).doesNotExist();
        assertThat(victim).hasContent("host secret");
    }

    @Test
    void unpack_devicesAndFifos_areSkippedAndSetuidDropped() throws IOException {
        TestImages.Layer layer = TestImages.Layer.plain(new TestLayer()
                .characterDevice("dev/null")
                .fifo("run/pipe")
                .file("usr/bin/sudo", "s".getBytes(StandardCharsets.UTF_8), 04755)
                .file("secret", "s".getBytes(StandardCharsets.UTF_8), 0));

        unpack(List.of(layer));

        assertThat(rootfs().resolve("dev/null")).doesNotExist();
        assertThat(rootfs().resolve("run/pipe")).doesNotExist();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(rootfs().resolve("usr/bin/sudo"))))
                .isEqualTo("rwxr-xr-x");
        assertThat(Files.isReadable(rootfs().resolve("secret"))).isTrue();
    }

    @Test
    void unpack_zstdAndMixedCompression_areDetectedByMagicBytes() throws IOException {
        TestImages.Layer zstd = TestImages.Layer.zstd(new TestLayer().file("z.txt", "zstd"));
        TestImages.Layer plain = TestImages.Layer.plain(new TestLayer().file("p.txt", "plain"));
        // A gzip layer mislabelled as plain tar, as some registries serve them.
        byte[] tar = new TestLayer().file("g.txt", "gzip").tar();
        TestImages.Layer mislabelled =
                new TestImages.Layer(tar, TestLayer.gzip(tar), "application/vnd.oci.image.layer.v1.tar");

        UnpackedImage unpacked = unpack(List.of(zstd, plain, mislabelled));

        assertThat(rootfs().resolve("z.txt")).hasContent("zstd");
        assertThat(rootfs().resolve("p.txt")).hasContent("plain");
        assertThat(rootfs().resolve("g.txt")).hasContent("gzip");
        assertThat(unpacked.layerByPath()).containsEntry("z.txt", zstd.diffId().toString());
    }

    @Test
    void unpack_tooManyEntries_failsAsTooLarge() {
        TestLayer many = new TestLayer();
        for (int index = 0; index < 60; index++) {
            many.file("f" + index, "");
        }
        Limits limits = new Limits(1 << 20, 1 << 20, 4, 50, 100);

        assertThatThrownBy(() -> unpack(List.of(TestImages.Layer.gzip(many)), limits))
                .isInstanceOf(InputTooLargeException.class)
                .hasMessageContaining("more than 50 entries");
    }

    @Test
    void unpack_hugeDeclaredSize_failsBeforeWriting() throws IOException {
        // A header that claims 64 GiB followed by a few bytes: a tar bomb must fail on the claim.
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(bytes)) {
            tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
            TarArchiveEntry entry = new TarArchiveEntry("bomb");
            entry.setSize(64L << 30);
            tar.putArchiveEntry(entry);
            tar.write(new byte[512]);
            tar.flush();
        } catch (IOException expectedIncompleteEntry) {
            // closing an entry with missing bytes fails; the header is already written
        }
        byte[] tar = bytes.toByteArray();
        TestImages.Layer layer = new TestImages.Layer(tar, tar, "application/vnd.oci.image.layer.v1.tar");

        assertThatThrownBy(() -> unpack(List.of(layer), Limits.DEFAULT.withMaxExpandedBytes(1 << 20)))
                .isInstanceOf(InputTooLargeException.class)
                .hasMessageContaining("bomb");
        assertThat(rootfs().resolve("bomb")).doesNotExist();
    }

    @Test
    void unpack_totalBytesAcrossLayers_areBounded() {
        byte[] chunk = new byte[600 * 1024];
        TestImages.Layer first = TestImages.Layer.gzip(new TestLayer().file("a", chunk, 0644));
        TestImages.Layer second = TestImages.Layer.gzip(new TestLayer().file("b", chunk, 0644));

        assertThatThrownBy(() -> unpack(List.of(first, second), Limits.DEFAULT.withMaxExpandedBytes(1 << 20)))
                .isInstanceOf(InputTooLargeException.class);
    }

    @Test
    void unpack_blobNotMatchingItsDigest_isRejected() throws IOException {
        TestImages.Layer layer = TestImages.Layer.gzip(new TestLayer().file("a", "content"));
        TestImages.Image image = TestImages.image(List.of(layer));
        Path layout = TestImages.layout(temp.resolve("layout"), image, null);
        Path blob = layout.resolve("blobs/sha256/" + layer.digest().hex());
        byte[] tampered = TestLayer.gzip(new TestLayer().file("a", "CONTENT").tar());
        Files.write(blob, Arrays.copyOf(tampered, layer.blob().length));

        try (ContainerImage opened = OciLayout.open(layout, null, null)) {
            assertThatThrownBy(() -> ImageUnpacker.unpack(opened, rootfs(), Limits.DEFAULT, ImageProgress.NONE))
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining("does not match its digest");
        }
    }

    @Test
    void unpack_layerNotMatchingItsDiffId_isRejected() throws IOException {
        TestImages.Layer real = TestImages.Layer.gzip(new TestLayer().file("a", "content"));
        byte[] otherTar = new TestLayer().file("a", "other").tar();
        // The blob digest is right for the blob, but the config's diff_id names different content.
        TestImages.Layer lying = new TestImages.Layer(real.tar(), TestLayer.gzip(otherTar), real.mediaType());

        assertThatThrownBy(() -> unpack(List.of(lying)))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("content does not match its digest");
    }

    @Test
    void unpack_truncatedLayer_failsWithInvalidInput() {
        byte[] full = new TestLayer().file("big", new byte[8192], 0644).tar();
        byte[] truncated = Arrays.copyOf(full, 3000);
        TestImages.Layer layer = new TestImages.Layer(truncated, TestLayer.gzip(truncated), "x");

        assertThatThrownBy(() -> unpack(List.of(layer)))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("layer 1/1");
    }

    @Test
    void unpack_directoryReplacedBySymlink_dropsTheDirectoryContent() throws IOException {
        TestImages.Layer first =
                TestImages.Layer.plain(new TestLayer().file("lib/a.so", "a").file("usr/lib/b.so", "b"));
        TestImages.Layer second =
                TestImages.Layer.plain(new TestLayer().symlink("lib", "usr/lib").file("lib/c.so", "c"));

        UnpackedImage unpacked = unpack(List.of(first, second));

        assertThat(Files.isSymbolicLink(rootfs().resolve("lib"))).isTrue();
        assertThat(rootfs().resolve("usr/lib/c.so")).hasContent("c");
        assertThat(unpacked.layerByPath())
                .containsOnlyKeys("usr/lib/b.so", "usr/lib/c.so")
                .containsEntry("usr/lib/c.so", second.diffId().toString());
        assertThat(Files.exists(rootfs().resolve("usr/lib/a.so"), LinkOption.NOFOLLOW_LINKS))
                .isFalse();
    }

    @Test
    void unpack_paxHeaderClaimingGigabytes_failsWithoutExhaustingTheHeap() throws IOException {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(bytes)) {
            tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
            TarArchiveEntry pax = new TarArchiveEntry(
                    "PaxHeaders/evil",
                    org.apache.commons.compress.archivers.tar.TarConstants.LF_PAX_EXTENDED_HEADER_LC,
                    true);
            pax.setSize(3L << 30);
            tar.putArchiveEntry(pax);
            tar.write("30 path=aaaaaaaaaaaaaaaaaaaaa\n".getBytes(StandardCharsets.UTF_8));
            tar.flush();
        } catch (IOException expectedIncompleteEntry) {
            // the entry is deliberately short of its declared size
        }
        byte[] tar = bytes.toByteArray();
        TestImages.Layer layer = new TestImages.Layer(tar, tar, "application/vnd.oci.image.layer.v1.tar");

        assertThatThrownBy(() -> unpack(List.of(layer))).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void unpack_longNameEntryClaimingGigabytes_failsWithoutExhaustingTheHeap() throws IOException {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(bytes)) {
            tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
            TarArchiveEntry longName = new TarArchiveEntry(
                    "././@LongLink", org.apache.commons.compress.archivers.tar.TarConstants.LF_GNUTYPE_LONGNAME, true);
            longName.setSize(3L << 30);
            tar.putArchiveEntry(longName);
            tar.write(new byte[1024]);
            tar.flush();
        } catch (IOException expectedIncompleteEntry) {
            // the entry is deliberately short of its declared size
        }
        byte[] tar = bytes.toByteArray();
        TestImages.Layer layer = new TestImages.Layer(tar, tar, "application/vnd.oci.image.layer.v1.tar");

        assertThatThrownBy(() -> unpack(List.of(layer))).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void clean_namesWithDotsAndSlashes_areRootedPathComponents() {
        assertThat(ImageUnpacker.clean("../../etc/passwd")).containsExactly("etc", "passwd");
        assertThat(ImageUnpacker.clean("/./a//b/../c/")).containsExactly("a", "c");
        assertThat(ImageUnpacker.clean("./")).isEmpty();
    }
}
