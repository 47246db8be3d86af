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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The Berkeley DB fixtures were written by Berkeley DB 5.3 itself ({@code db_load}, then deletions through
 * the library) and listed by rpm 4.18's own {@code bdb_ro} reader: see {@code os/rpm/SOURCES.md}.
 */
class BerkeleyDbHashDatabaseTest {
    private static final String LITTLE_ENDIAN = "os/rpm/legacy/bdb-le.Packages.gz";
    private static final String BIG_ENDIAN = "os/rpm/legacy/bdb-be.Packages.gz";
    private static final String MULTIPAGE = "os/rpm/legacy/bdb-multipage.Packages.gz";

    @ParameterizedTest
    @ValueSource(strings = {"le", "be", "multipage"})
    void forEachHeaderBlob_realDatabase_agreesWithRpmsOwnReader(String fixture) {
        Read read = read(RpmFixtures.gunzip("os/rpm/legacy/bdb-" + fixture + ".Packages.gz"));

        assertThat(read.problems()).isEmpty();
        assertThat(read.listing())
                .containsExactlyElementsOf(RpmFixtures.lines("os/rpm/legacy/bdb-" + fixture + ".rpm-qa.txt"));
    }

    @Test
    void forEachHeaderBlob_checksummedPages_areReadPastTheChecksum() {
        byte[] bytes = RpmFixtures.gunzip("os/rpm/legacy/bdb-checksummed.Packages.gz");
        assertThat(bytes[26]).as("metadata flag: page checksums").isEqualTo((byte) 1);

        Read read = read(bytes);

        // rpm's bdb_ro cannot read this file; it holds the same records as bdb-le, written by Berkeley DB.
        assertThat(read.problems()).isEmpty();
        assertThat(read.listing()).containsExactlyElementsOf(RpmFixtures.lines("os/rpm/legacy/bdb-le.rpm-qa.txt"));
    }

    @Test
    void forEachHeaderBlob_realDatabase_returnsTheHeaderBlobsByteForByte() {
        List<byte[]> expected = RpmFixtures.sqliteBlobs();
        Read read = read(RpmFixtures.gunzip(MULTIPAGE));

        assertThat(read.blobs()).hasSize(60);
        for (int index = 0; index < read.blobs().size(); index++) {
            long instance = read.instances().get(index);
            assertThat(read.blobs().get(index)).isEqualTo(expected.get((int) ((instance - 1) % 3)));
        }
    }

    @Test
    void fixtures_coverInlineAndOffPageValuesBothByteOrdersBucketChainsAndFreedPages() {
        byte[] big = RpmFixtures.gunzip(BIG_ENDIAN);
        byte[] multipage = RpmFixtures.gunzip(MULTIPAGE);
        List<String> problems = new ArrayList<>();

        assertThat(BerkeleyDbHashDatabase.open(big, "be", problems::add).bigEndian())
                .isTrue();
        assertThat(BerkeleyDbHashDatabase.open(multipage, "mp", problems::add).bigEndian())
                .isFalse();
        // The 8 KB pages of the big-endian file hold the two small headers inline, the 13 KB one off-page.
        Layout bigLayout = new Layout(big, ByteOrder.BIG_ENDIAN);
        assertThat(bigLayout.valueItems(1)).hasSize(3); // key 0's counter and two headers
        assertThat(bigLayout.valueItems(3)).hasSize(1);
        Layout multipageLayout = new Layout(multipage, ByteOrder.LITTLE_ENDIAN);
        assertThat(multipageLayout.pagesOfType(13).stream().filter(page -> multipageLayout.next(page) != 0))
                .as("a bucket with an overflow bucket page")
                .isNotEmpty();
        assertThat(multipageLayout.pagesOfType(0))
                .as("pages freed by deletions")
                .hasSizeGreaterThan(1000);
        assertThat(problems).isEmpty();
    }

    // ---- hostile input ----

    @Test
    void open_bogusPageSize_isRejected() {
        byte[] bytes = RpmFixtures.gunzip(LITTLE_ENDIAN);
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).putInt(20, 3000);

        assertThatThrownBy(() -> read(bytes))
                .isInstanceOf(UnableToParseException.class)
                .hasMessage("Packages has an invalid Berkeley DB page size 3000");
    }

    @Test
    void open_hugeBucketCount_isRejectedBeforeWalking() {
        byte[] bytes = RpmFixtures.gunzip(LITTLE_ENDIAN);
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).putInt(72, 0x7FFFFFFF);

        assertThatThrownBy(() -> read(bytes)).hasMessageContaining("claims 2147483648 hash buckets in 9 pages");
    }

    @Test
    void open_notBerkeleyDb_isRejected() {
        byte[] btree = new byte[4096];
        ByteBuffer.wrap(btree).order(ByteOrder.LITTLE_ENDIAN).putInt(12, 0x053162);

        assertThatThrownBy(() -> read(new byte[4096])).hasMessage("Packages is not a Berkeley DB hash database");
        assertThatThrownBy(() -> read(btree)).hasMessageContaining("is a Berkeley DB btree");
        assertThatThrownBy(() -> read(new byte[100])).hasMessageContaining("truncated");
    }

    @Test
    void open_encryptedOrUnsupportedVersion_isRejected() {
        byte[] encrypted = RpmFixtures.gunzip(LITTLE_ENDIAN);
        encrypted[24] = 1;
        byte[] future = RpmFixtures.gunzip(LITTLE_ENDIAN);
        future[16] = 11;

        assertThatThrownBy(() -> read(encrypted)).hasMessageContaining("encrypted");
        assertThatThrownBy(() -> read(future)).hasMessageContaining("unsupported Berkeley DB hash version 11");
    }

    @Test
    void forEachHeaderBlob_truncatedFile_keepsWhatPrecedesTheCut() {
        byte[] bytes = RpmFixtures.gunzip(MULTIPAGE);

        Read read = read(Arrays.copyOf(bytes, bytes.length / 2));

        assertThat(read.problems()).first().asString().contains("the file is truncated");
        assertThat(read.problems()).anyMatch(problem -> problem.contains("outside the file"));
        assertThat(read.blobs()).isNotEmpty().hasSizeLessThan(60);
    }

    @Test
    void forEachHeaderBlob_overflowChainCycle_endsWithProblem() {
        byte[] bytes = RpmFixtures.gunzip(LITTLE_ENDIAN);
        Layout layout = new Layout(bytes, ByteOrder.LITTLE_ENDIAN);
        int page = layout.pagesOfType(7).stream()
                .filter(candidate -> layout.next(candidate) != 0)
                .findFirst()
                .orElseThrow();
        layout.buffer().putInt(page * 4096 + 16, page); // the page's successor is itself

        Read read = read(bytes);

        assertThat(read.problems())
                .singleElement()
                .asString()
                .contains("reaches page " + page + " a second time: cyclic or shared chain");
        assertThat(read.blobs()).hasSize(2);
    }

    @Test
    void forEachHeaderBlob_offPagePointerOutOfRange_costsOnlyThatPackage() {
        byte[] bytes = RpmFixtures.gunzip(LITTLE_ENDIAN);
        Layout layout = new Layout(bytes, ByteOrder.LITTLE_ENDIAN);
        layout.buffer().putInt(layout.valueItems(3).getFirst() + 4, 0x7FFFFFF0);

        Read read = read(bytes);

        assertThat(read.problems()).singleElement().asString().contains("points at page 2147483632, outside the file");
        assertThat(read.blobs()).hasSize(2);
    }

    @Test
    void forEachHeaderBlob_hugeClaimedLength_isRejectedWithoutAllocating() {
        byte[] bytes = RpmFixtures.gunzip(LITTLE_ENDIAN);
        Layout layout = new Layout(bytes, ByteOrder.LITTLE_ENDIAN);
        layout.buffer().putInt(layout.valueItems(3).getFirst() + 8, -1);

        Read read = read(bytes);

        assertThat(read.problems()).singleElement().asString().contains("claims a value of 4294967295 bytes");
    }

    @Test
    void forEachHeaderBlob_overflowPageClaimingMoreThanItHolds_isRejected() {
        byte[] bytes = RpmFixtures.gunzip(LITTLE_ENDIAN);
        Layout layout = new Layout(bytes, ByteOrder.LITTLE_ENDIAN);
        int page = layout.pagesOfType(7).getFirst();
        layout.buffer().putShort(page * 4096 + 22, (short) 0xFFFF);

        Read read = read(bytes);

        assertThat(read.problems()).singleElement().asString().contains("claims 65535 bytes");
    }

    @Test
    void forEachHeaderBlob_twoItemsSharingOneChain_readsTheFirstOnly() {
        byte[] bytes = RpmFixtures.gunzip(LITTLE_ENDIAN);
        Layout layout = new Layout(bytes, ByteOrder.LITTLE_ENDIAN);
        List<Integer> items = layout.valueItems(3);
        int firstChain = layout.buffer().getInt(items.get(0) + 4);
        int firstLength = layout.buffer().getInt(items.get(0) + 8);
        layout.buffer().putInt(items.get(1) + 4, firstChain).putInt(items.get(1) + 8, firstLength);

        Read read = read(bytes);

        assertThat(read.problems()).singleElement().asString().contains("a second time");
        assertThat(read.blobs()).hasSize(2);
    }

    @Test
    void forEachHeaderBlob_bucketPageWithWrongNumber_isReported() {
        byte[] bytes = RpmFixtures.gunzip(LITTLE_ENDIAN);
        Layout layout = new Layout(bytes, ByteOrder.LITTLE_ENDIAN);
        int page = layout.pagesOfType(13).getFirst();
        layout.buffer().putInt(page * 4096 + 8, 77);

        Read read = read(bytes);

        assertThat(read.problems()).singleElement().asString().contains("carries page number 77");
    }

    @Test
    void forEachHeaderBlob_itemCountLargerThanThePage_isReported() {
        byte[] bytes = RpmFixtures.gunzip(LITTLE_ENDIAN);
        Layout layout = new Layout(bytes, ByteOrder.LITTLE_ENDIAN);
        int page = layout.pagesOfType(13).getFirst();
        layout.buffer().putShort(page * 4096 + 20, (short) 4000);

        Read read = read(bytes);

        assertThat(read.problems()).singleElement().asString().contains("claims 4000 items");
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void forEachHeaderBlob_randomCorruption_neverCrashesOrHangs() {
        byte[] original = RpmFixtures.gunzip(MULTIPAGE);
        Random random = new Random(4242);
        for (int round = 0; round < 60; round++) {
            byte[] corrupt = original.clone();
            // Keep the metadata page intact so that the walk itself meets the damage.
            for (int flips = 0; flips < 300; flips++) {
                corrupt[512 + random.nextInt(corrupt.length - 512)] = (byte) random.nextInt(256);
            }
            Read read = read(corrupt);

            assertThat(read.blobs().size() + read.problems().size()).isPositive();
        }
    }

    private record Read(List<Long> instances, List<byte[]> blobs, List<String> problems) {
        /** {@code instance name-epoch:version-release.arch}, as the rpm listings are written. */
        List<String> listing() {
            List<String> lines = new ArrayList<>();
            for (int index = 0; index < blobs.size(); index++) {
                lines.add(instances.get(index) + " " + RpmFixtures.nevra(blobs.get(index)));
            }
            lines.sort((left, right) -> Long.compare(
                    Long.parseLong(left.substring(0, left.indexOf(' '))),
                    Long.parseLong(right.substring(0, right.indexOf(' ')))));
            return lines;
        }
    }

    private static Read read(byte[] bytes) {
        List<Long> instances = new ArrayList<>();
        List<byte[]> blobs = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        BerkeleyDbHashDatabase database = BerkeleyDbHashDatabase.open(bytes, "Packages", problems::add);
        database.forEachHeaderBlob(
                (instance, blob) -> {
                    instances.add(instance);
                    blobs.add(blob);
                },
                problems::add);
        return new Read(instances, blobs, problems);
    }

    /** Finds pages and items in a fixture, to damage them on purpose. */
    private record Layout(ByteBuffer buffer, int pageSize) {
        Layout(byte[] bytes, ByteOrder order) {
            this(
                    ByteBuffer.wrap(bytes).order(order),
                    ByteBuffer.wrap(bytes).order(order).getInt(20));
        }

        List<Integer> pagesOfType(int type) {
            List<Integer> pages = new ArrayList<>();
            for (int page = 1; page < buffer.capacity() / pageSize; page++) {
                if ((buffer.get(page * pageSize + 25) & 0xFF) == type) {
                    pages.add(page);
                }
            }
            return pages;
        }

        int next(int page) {
            return buffer.getInt(page * pageSize + 16);
        }

        /** Absolute positions of the value items of the given item type on all hash pages. */
        List<Integer> valueItems(int itemType) {
            List<Integer> positions = new ArrayList<>();
            for (int page : pagesOfType(13)) {
                int start = page * pageSize;
                int entries = buffer.getShort(start + 20) & 0xFFFF;
                for (int value = 1; value < entries; value += 2) {
                    int position = start + (buffer.getShort(start + 26 + 2 * value) & 0xFFFF);
                    if (buffer.get(position) == itemType) {
                        positions.add(position);
                    }
                }
            }
            return positions;
        }
    }
}
