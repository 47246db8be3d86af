package dev.assay.catalog.os;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.assay.model.UnableToParseException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The NDB fixtures were written, and listed, by rpm 4.18's own NDB code ({@code lib/backend/ndb/rpmpkg.c},
 * compiled alone, because Debian's rpm is built without the ndb backend): see {@code os/rpm/SOURCES.md}.
 */
class NdbPackageDatabaseTest {
    private static final String BASIC = "os/rpm/legacy/ndb.Packages.db.gz";
    private static final String MULTIPAGE = "os/rpm/legacy/ndb-multipage.Packages.db.gz";
    private static final int FIRST_SLOT = 32; // slots 0 and 1 are the database header

    @Test
    void forEachHeaderBlob_realDatabase_agreesWithRpmsOwnReader() {
        for (String fixture : List.of("ndb", "ndb-multipage")) {
            Read read = read(RpmFixtures.gunzip("os/rpm/legacy/" + fixture + ".Packages.db.gz"));

            assertThat(read.problems()).isEmpty();
            assertThat(read.listing())
                    .as(fixture)
                    .containsExactlyElementsOf(RpmFixtures.lines("os/rpm/legacy/" + fixture + ".rpmpkg-list.txt"));
        }
    }

    @Test
    void forEachHeaderBlob_realDatabase_returnsTheHeaderBlobsByteForByte() {
        List<byte[]> expected = RpmFixtures.sqliteBlobs();
        Read basic = read(RpmFixtures.gunzip(BASIC));
        Read multipage = read(RpmFixtures.gunzip(MULTIPAGE));

        assertThat(basic.blobs()).containsExactlyElementsOf(expected);
        // 260 packages (two slot pages' worth) were put alternating tiny-lib and tiny-shell, every fourth erased.
        assertThat(multipage.blobs()).hasSize(195);
        assertThat(ByteBuffer.wrap(RpmFixtures.gunzip(MULTIPAGE))
                        .order(ByteOrder.LITTLE_ENDIAN)
                        .getInt(12))
                .as("slot pages")
                .isEqualTo(2);
        for (int index = 0; index < multipage.blobs().size(); index++) {
            long packageIndex = multipage.instances().get(index);
            assertThat(packageIndex % 4).isNotZero();
            assertThat(multipage.blobs().get(index)).isEqualTo(expected.get((int) ((packageIndex - 1) % 2)));
        }
    }

    // ---- hostile input ----

    @Test
    void open_notNdbOrTruncatedOrHugeSlotPageCount_isRejected() {
        byte[] huge = RpmFixtures.gunzip(BASIC);
        ByteBuffer.wrap(huge).order(ByteOrder.LITTLE_ENDIAN).putInt(12, 0x7FFFFFFF);
        byte[] none = RpmFixtures.gunzip(BASIC);
        ByteBuffer.wrap(none).order(ByteOrder.LITTLE_ENDIAN).putInt(12, 0);
        byte[] version = RpmFixtures.gunzip(BASIC);
        version[4] = 1;

        assertThatThrownBy(() -> read(new byte[8192]))
                .isInstanceOf(UnableToParseException.class)
                .hasMessage("Packages.db is not an rpm NDB package database");
        assertThatThrownBy(() -> read(new byte[10])).hasMessageContaining("truncated");
        assertThatThrownBy(() -> read(huge)).hasMessageContaining("claims 2147483647 slot pages");
        assertThatThrownBy(() -> read(none)).hasMessageContaining("claims 0 slot pages");
        assertThatThrownBy(() -> read(version)).hasMessageContaining("unsupported NDB version 1");
    }

    @Test
    void forEachHeaderBlob_truncatedFile_keepsTheBlobsBeforeTheCut() {
        byte[] bytes = RpmFixtures.gunzip(BASIC);

        Read read = read(Arrays.copyOf(bytes, bytes.length - 100));

        assertThat(read.problems()).singleElement().asString().contains("beyond the end of the file: truncated");
        assertThat(read.instances()).containsExactly(1L, 2L);
    }

    @Test
    void forEachHeaderBlob_flippedByteInBlob_failsTheChecksum() {
        byte[] bytes = RpmFixtures.gunzip(BASIC);
        int blob = blockOffset(bytes, FIRST_SLOT) * 16;
        bytes[blob + 16 + 100] ^= 0x01;

        Read read = read(bytes);

        assertThat(read.problems()).singleElement().asString().contains("checksum does not match");
        assertThat(read.blobs()).hasSize(2);
    }

    @Test
    void forEachHeaderBlob_hugeBlobLength_isRejected() {
        byte[] bytes = RpmFixtures.gunzip(BASIC);
        int blob = blockOffset(bytes, FIRST_SLOT) * 16;
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).putInt(blob + 12, -1);

        Read read = read(bytes);

        assertThat(read.problems()).singleElement().asString().contains("blob length 4294967295 does not fit");
    }

    @Test
    void forEachHeaderBlob_slotBeyondFileOrInsideSlotPages_isReported() {
        byte[] bytes = RpmFixtures.gunzip(BASIC);
        ByteBuffer buffer = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        buffer.putInt(FIRST_SLOT + 8, 0x7FFFFFFF); // package 1 far beyond the end
        buffer.putInt(FIRST_SLOT + 16 + 8, 3); // package 2 inside the slot page

        Read read = read(bytes);

        assertThat(read.problems())
                .containsExactly(
                        "package 1 lies beyond the end of the file: truncated",
                        "slot 3 is invalid (package 2, block 3, " + blockCount(bytes, 3) + " blocks)");
        assertThat(read.instances()).containsExactly(3L);
    }

    @Test
    void forEachHeaderBlob_overlappingSlots_readsEachBlobOnce() {
        byte[] bytes = RpmFixtures.gunzip(BASIC);
        ByteBuffer buffer = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        // Slot of package 3 now points at package 1's blocks.
        buffer.putInt(FIRST_SLOT + 32 + 8, blockOffset(bytes, FIRST_SLOT));

        Read read = read(bytes);

        assertThat(read.problems()).containsExactly("package 3 overlaps another package's blob");
        assertThat(read.instances()).containsExactly(1L, 2L);
    }

    @Test
    void forEachHeaderBlob_slotPointingAtAnotherPackagesBlob_isRejected() {
        byte[] bytes = RpmFixtures.gunzip(BASIC);
        ByteBuffer buffer = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        buffer.putInt(FIRST_SLOT + 4, 9); // slot of package 1 now claims package 9

        Read read = read(bytes);

        assertThat(read.problems()).singleElement().asString().contains("belongs to package 1");
    }

    @Test
    void forEachHeaderBlob_duplicatePackageIndex_readsTheFirst() {
        byte[] bytes = RpmFixtures.gunzip(BASIC);
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).putInt(FIRST_SLOT + 16 + 4, 1);

        Read read = read(bytes);

        assertThat(read.problems()).containsExactly("package 1 has two slots");
    }

    @Test
    void forEachHeaderBlob_badSlotMagic_isReportedOnce() {
        byte[] bytes = RpmFixtures.gunzip(MULTIPAGE);
        Arrays.fill(bytes, 4096, 8192, (byte) 0); // the whole second slot page

        Read read = read(bytes);

        assertThat(read.problems())
                .containsExactly("256 slots have a bad magic number (the first is slot 256): corrupt slot pages,"
                        + " any packages they held are missing");
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void forEachHeaderBlob_randomCorruption_neverCrashesOrHangs() {
        byte[] original = RpmFixtures.gunzip(MULTIPAGE);
        Random random = new Random(99);
        for (int round = 0; round < 60; round++) {
            byte[] corrupt = original.clone();
            for (int flips = 0; flips < 300; flips++) {
                corrupt[32 + random.nextInt(corrupt.length - 32)] = (byte) random.nextInt(256);
            }
            Read read = read(corrupt);

            assertThat(read.blobs().size() + read.problems().size()).isPositive();
        }
    }

    private static int blockOffset(byte[] bytes, int slotPosition) {
        return ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).getInt(slotPosition + 8);
    }

    private static int blockCount(byte[] bytes, int slotNumber) {
        return ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).getInt(slotNumber * 16 + 12);
    }

    private record Read(List<Long> instances, List<byte[]> blobs, List<String> problems) {
        /** {@code packageIndex length}, as the rpmpkg listings are written. */
        List<String> listing() {
            List<String> lines = new ArrayList<>();
            for (int index = 0; index < blobs.size(); index++) {
                lines.add(instances.get(index) + " " + blobs.get(index).length);
            }
            return lines;
        }
    }

    private static Read read(byte[] bytes) {
        List<Long> instances = new ArrayList<>();
        List<byte[]> blobs = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        NdbPackageDatabase.open(bytes, "Packages.db")
                .forEachHeaderBlob(
                        (instance, blob) -> {
                            instances.add(instance);
                            blobs.add(blob);
                        },
                        problems::add);
        return new Read(instances, blobs, problems);
    }
}
