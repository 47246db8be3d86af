package dev.assay.catalog.java;

import static dev.assay.catalog.java.TestArchives.archive;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.assay.catalog.java.ZipDirectory.MalformedZipException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.apache.commons.compress.archivers.zip.Zip64Mode;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.junit.jupiter.api.Test;

class ZipDirectoryTest {
    private static final byte[] POM_PROPERTIES =
            "groupId=g\nartifactId=a\nversion=1\n".getBytes(StandardCharsets.UTF_8);

    @Test
    void read_jdkWrittenJar_listsEntriesAndOpensThem() throws IOException {
        byte[] jar = archive()
                .manifest("Implementation-Version", "1.0")
                .entry("META-INF/maven/g/a/pom.properties", POM_PROPERTIES)
                .storedEntry("lib/inner.jar", new byte[] {1, 2, 3})
                .bytes();

        ZipDirectory directory = ZipDirectory.read(jar);

        assertThat(names(directory))
                .containsExactly("META-INF/MANIFEST.MF", "META-INF/maven/g/a/pom.properties", "lib/inner.jar");
        assertThat(content(directory, jar, "META-INF/maven/g/a/pom.properties")).isEqualTo(POM_PROPERTIES);
        assertThat(content(directory, jar, "lib/inner.jar")).containsExactly(1, 2, 3);
    }

    @Test
    void read_zip64ArchiveFromCommonsCompress_readsZip64RecordsAndExtraFields() throws IOException {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        try (ZipArchiveOutputStream zip = new ZipArchiveOutputStream(buffer)) {
            zip.setUseZip64(Zip64Mode.Always);
            for (String name : List.of("a.txt", "META-INF/maven/g/a/pom.properties")) {
                zip.putArchiveEntry(new ZipArchiveEntry(name));
                zip.write(POM_PROPERTIES);
                zip.closeArchiveEntry();
            }
        }
        byte[] zip = buffer.toByteArray();

        ZipDirectory directory = ZipDirectory.read(zip);

        assertThat(directory.entryCount()).isEqualTo(2);
        assertThat(content(directory, zip, "META-INF/maven/g/a/pom.properties")).isEqualTo(POM_PROPERTIES);
    }

    @Test
    void read_handMadeZip64_usesTheZip64Values() throws IOException {
        HandMadeZip zip = new HandMadeZip().deflated("META-INF/maven/g/a/pom.properties", POM_PROPERTIES);
        byte[] bytes = zip.zip64Bytes(1, zip.centralSize(), zip.dataSize());

        assertThat(content(ZipDirectory.read(bytes), bytes, "META-INF/maven/g/a/pom.properties"))
                .isEqualTo(POM_PROPERTIES);
    }

    @Test
    void read_launchScriptBeforeTheArchive_shiftsEveryOffset() throws IOException {
        byte[] jar = archive()
                .entry("META-INF/maven/g/a/pom.properties", POM_PROPERTIES)
                .bytes();
        byte[] script = "#!/bin/sh\nexec java -jar \"$0\"\n".getBytes(StandardCharsets.UTF_8);
        byte[] executable = concat(script, jar);

        ZipDirectory directory = ZipDirectory.read(executable);

        assertThat(content(directory, executable, "META-INF/maven/g/a/pom.properties"))
                .isEqualTo(POM_PROPERTIES);
    }

    @Test
    void read_commentHoldingAFakeEndRecord_findsTheRealOne() throws IOException {
        byte[] jar = archive().pomProperties("g", "a", "1").bytes();
        // A fake end record in the comment, declaring a directory outside the archive.
        byte[] fake = new HandMadeZip().bytes(3, 1000, 0x7000_0000);
        byte[] commented = concat(jar, fake);
        ByteBuffer.wrap(commented).order(ByteOrder.LITTLE_ENDIAN).putShort(jar.length - 2, (short) fake.length);

        ZipDirectory directory = ZipDirectory.read(commented);

        assertThat(names(directory)).containsExactly("META-INF/maven/g/a/pom.properties");
    }

    @Test
    void read_endRecordBeyondTheCommentSearch_isMalformed() {
        byte[] jar = archive().pomProperties("g", "a", "1").bytes();
        // 70 KiB after the end record: more than any comment can be, so the record is not searched for.
        byte[] padded = concat(jar, new byte[70 * 1024]);

        assertThatThrownBy(() -> ZipDirectory.read(padded)).isInstanceOf(MalformedZipException.class);
    }

    @Test
    void read_endRecordPointingOutside_isMalformed() {
        HandMadeZip zip = new HandMadeZip().deflated("a.txt", POM_PROPERTIES);

        assertThatThrownBy(() -> ZipDirectory.read(zip.bytes(1, zip.centralSize(), 0x7FFF_FFF0L)))
                .isInstanceOf(MalformedZipException.class);
        assertThatThrownBy(() -> ZipDirectory.read(zip.bytes(1, 0xFFFF_FFF0L, zip.dataSize())))
                .isInstanceOf(MalformedZipException.class);
        assertThatThrownBy(() -> ZipDirectory.read(zip.bytes(1, zip.centralSize() + 1, zip.dataSize())))
                .isInstanceOf(MalformedZipException.class);
    }

    @Test
    void read_entryCountLargerThanTheDirectoryHolds_isMalformed() {
        HandMadeZip zip = new HandMadeZip().deflated("a.txt", POM_PROPERTIES);

        assertThatThrownBy(() -> ZipDirectory.read(zip.bytes(60_000, zip.centralSize(), zip.dataSize())))
                .isInstanceOf(MalformedZipException.class);
    }

    @Test
    void forEach_entryCountLying_isMalformed() throws IOException {
        HandMadeZip three = new HandMadeZip()
                .deflated("a.txt", POM_PROPERTIES)
                .deflated("b.txt", POM_PROPERTIES)
                .deflated("c.txt", POM_PROPERTIES);
        ZipDirectory fewer = ZipDirectory.read(three.bytes(1, three.centralSize(), three.dataSize()));
        // one record with a long name: room in the directory's size for five records, only one there
        HandMadeZip one = new HandMadeZip().deflated("n".repeat(300) + ".txt", POM_PROPERTIES);
        ZipDirectory more = ZipDirectory.read(one.bytes(5, one.centralSize(), one.dataSize()));

        assertThatThrownBy(() -> fewer.forEach(entry -> {}))
                .isInstanceOf(MalformedZipException.class)
                .hasMessageContaining("more records");
        assertThatThrownBy(() -> more.forEach(entry -> {}))
                .isInstanceOf(MalformedZipException.class)
                .hasMessageContaining("1 records, not the 5");
    }

    @Test
    void read_zip64FieldsLying_isMalformed() {
        HandMadeZip zip = new HandMadeZip().deflated("a.txt", POM_PROPERTIES);
        int size = zip.centralSize();
        int offset = zip.dataSize();

        for (byte[] lying : List.of(
                zip.zip64Bytes(Long.MAX_VALUE, size, offset),
                zip.zip64Bytes(-1, size, offset),
                zip.zip64Bytes(1, Long.MAX_VALUE, offset),
                zip.zip64Bytes(1, -46, offset),
                zip.zip64Bytes(1, size, Long.MIN_VALUE),
                zip.zip64Bytes(1, size, 1L << 40),
                zip.zip64Bytes(1_000_000, size, offset))) {
            assertThatThrownBy(() -> ZipDirectory.read(lying)).isInstanceOf(MalformedZipException.class);
        }
    }

    @Test
    void read_zip64LocatorPointingAnywhere_isMalformed() {
        HandMadeZip zip = new HandMadeZip().deflated("a.txt", POM_PROPERTIES);
        byte[] bytes = zip.zip64Bytes(1, zip.centralSize(), zip.dataSize());
        ByteBuffer buffer = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        int locator = bytes.length - 22 - 20;
        // break the record where it is expected, then let the locator point outside and backwards
        buffer.putInt(locator - 56, 0);
        for (long target : new long[] {Long.MIN_VALUE, -1, bytes.length, locator - 10, Long.MAX_VALUE}) {
            buffer.putLong(locator + 8, target);
            assertThatThrownBy(() -> ZipDirectory.read(bytes)).isInstanceOf(MalformedZipException.class);
        }
    }

    @Test
    void forEach_zip64ExtraFieldLying_isMalformed() throws IOException {
        byte[] compressed = HandMadeZip.deflate(POM_PROPERTIES);
        for (byte[] extra : List.of(
                HandMadeZip.zip64Extra(POM_PROPERTIES.length, compressed.length, Long.MAX_VALUE),
                HandMadeZip.zip64Extra(POM_PROPERTIES.length, Long.MAX_VALUE / 2, 0),
                HandMadeZip.zip64Extra(POM_PROPERTIES.length, -5, 0),
                HandMadeZip.zip64Extra(POM_PROPERTIES.length))) {
            HandMadeZip zip = new HandMadeZip();
            zip.local("a.txt", 8, compressed, HandMadeZip.crc(POM_PROPERTIES), POM_PROPERTIES.length);
            zip.central("a.txt", 8, 0xFFFF_FFFFL, 0xFFFF_FFFFL, 0, 0xFFFF_FFFFL, extra);
            ZipDirectory directory = ZipDirectory.read(zip.bytes());

            assertThatThrownBy(() -> directory.forEach(entry -> {})).isInstanceOf(MalformedZipException.class);
        }
    }

    @Test
    void forEach_localHeaderOffsetPastTheEnd_isMalformed() throws IOException {
        HandMadeZip zip = new HandMadeZip();
        byte[] compressed = HandMadeZip.deflate(POM_PROPERTIES);
        zip.local("a.txt", 8, compressed, HandMadeZip.crc(POM_PROPERTIES), POM_PROPERTIES.length);
        zip.central("a.txt", 8, compressed.length, POM_PROPERTIES.length, 0, 0xFFFF_FFF0L);
        ZipDirectory directory = ZipDirectory.read(zip.bytes());

        assertThatThrownBy(() -> directory.forEach(entry -> {})).isInstanceOf(MalformedZipException.class);
    }

    @Test
    void dataStart_offsetNotAtALocalHeaderOrDataIntoTheDirectory_isMalformed() throws IOException {
        byte[] compressed = HandMadeZip.deflate(POM_PROPERTIES);
        HandMadeZip zip = new HandMadeZip();
        zip.local("a.txt", 8, compressed, HandMadeZip.crc(POM_PROPERTIES), POM_PROPERTIES.length);
        zip.central("not-at-header", 8, compressed.length, POM_PROPERTIES.length, 0, 3);
        zip.central("into-directory", 8, compressed.length + 40, POM_PROPERTIES.length, 0, 0);
        zip.central("stored-sizes-differ", 0, compressed.length, compressed.length + 1, 0, 0);
        ZipDirectory directory = ZipDirectory.read(zip.bytes());
        List<ZipDirectory.Entry> entries = new ArrayList<>();
        directory.forEach(entries::add);

        for (ZipDirectory.Entry entry : entries) {
            assertThatThrownBy(() -> directory.dataStart(entry))
                    .as(entry.name())
                    .isInstanceOf(MalformedZipException.class);
        }
    }

    @Test
    void open_entryInflatingPastItsDeclaredSize_fails() throws IOException {
        byte[] content = new byte[100_000];
        byte[] compressed = HandMadeZip.deflate(content);
        HandMadeZip zip = new HandMadeZip();
        zip.local("a.txt", 8, compressed, HandMadeZip.crc(content), 10);
        zip.central("a.txt", 8, compressed.length, 10, HandMadeZip.crc(content), 0);
        byte[] bytes = zip.bytes();

        assertThatThrownBy(() -> content(ZipDirectory.read(bytes), bytes, "a.txt"))
                .isInstanceOf(java.util.zip.ZipException.class)
                .hasMessageContaining("declared size");
    }

    @Test
    void open_truncatedOrCorruptDeflateData_fails() throws IOException {
        byte[] content = new byte[50_000];
        new Random(1).nextBytes(content);
        byte[] compressed = HandMadeZip.deflate(content);
        byte[] cut = Arrays.copyOf(compressed, compressed.length / 2);
        byte[] garbage = new byte[200];
        Arrays.fill(garbage, (byte) 0xff);
        for (byte[] data : List.of(cut, garbage)) {
            HandMadeZip zip = new HandMadeZip();
            zip.local("a.txt", 8, data, 0, content.length);
            zip.central("a.txt", 8, data.length, content.length, 0, 0);
            byte[] bytes = zip.bytes();

            assertThatThrownBy(() -> content(ZipDirectory.read(bytes), bytes, "a.txt"))
                    .isInstanceOf(IOException.class);
        }
    }

    @Test
    void read_tinyAndNonZipInputs_areMalformed() {
        for (byte[] input : List.of(
                new byte[0],
                new byte[21],
                new byte[22],
                "PK\u0005\u0006".getBytes(StandardCharsets.ISO_8859_1),
                "not a zip at all, just text".repeat(100).getBytes(StandardCharsets.UTF_8))) {
            assertThatThrownBy(() -> ZipDirectory.read(input)).isInstanceOf(MalformedZipException.class);
        }
    }

    @Test
    void readAndOpen_randomCorruptionsOfAJar_failOnlyWithZipExceptions() {
        byte[] jar = archive()
                .manifest("Implementation-Version", "1.0")
                .pomProperties("g", "a", "1")
                .entry("lib/inner.jar", archive().pomProperties("g", "b", "2").bytes())
                .entry("big.bin", new byte[4000])
                .bytes();
        Random random = new Random(7);
        for (int attempt = 0; attempt < 5000; attempt++) {
            byte[] corrupt = jar.clone();
            int changes = 1 + random.nextInt(4);
            for (int change = 0; change < changes; change++) {
                // mostly the directory and end record, where offsets and counts live
                int position = random.nextInt(4) == 0
                        ? random.nextInt(corrupt.length)
                        : corrupt.length - 1 - random.nextInt(Math.min(corrupt.length, 400));
                corrupt[position] = (byte) random.nextInt(256);
            }
            try {
                ZipDirectory directory = ZipDirectory.read(corrupt);
                directory.forEach(entry -> {
                    int start = directory.dataStart(entry);
                    if (entry.method() == ZipDirectory.STORED || entry.method() == ZipDirectory.DEFLATED) {
                        try (InputStream data = directory.open(entry, start)) {
                            data.readNBytes(1 << 20);
                        }
                    }
                });
            } catch (IOException expected) {
                // MalformedZipException, ZipException, EOFException: all fine
            }
        }
    }

    private static List<String> names(ZipDirectory directory) throws IOException {
        List<String> names = new ArrayList<>();
        directory.forEach(entry -> names.add(entry.name()));
        return names;
    }

    private static byte[] content(ZipDirectory directory, byte[] archive, String name) throws IOException {
        List<ZipDirectory.Entry> found = new ArrayList<>();
        directory.forEach(entry -> {
            if (entry.name().equals(name)) {
                found.add(entry);
            }
        });
        ZipDirectory.Entry entry = found.getFirst();
        try (InputStream data = directory.open(entry, directory.dataStart(entry))) {
            return data.readAllBytes();
        }
    }

    private static byte[] concat(byte[] first, byte[] second) {
        byte[] both = Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, both, first.length, second.length);
        return both;
    }
}
