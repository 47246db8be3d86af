package dev.assay.catalog.os;

import dev.assay.model.UnableToParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.zip.Adler32;

/**
 * A read-only reader of rpm's NDB package database ({@code Packages.db}, SUSE and openSUSE since 2021), the
 * format of rpm's {@code lib/backend/ndb/rpmpkg.c}. All integers are little-endian.
 *
 * <p>Layout: the file is counted in 16-byte blocks. It starts with {@code slotPages} pages of 4096 bytes; the
 * first 32 bytes of page 0 are the database header (magic {@code RpmP}, version 0, generation, slot page
 * count, next package index), the rest are 16-byte slots (magic {@code Slot}, package index, block offset,
 * block count; a block offset of 0 marks a free slot). A used slot points at a blob after the slot pages: a
 * 16-byte head (magic {@code BlbS}, package index, timestamp, length), the rpm header blob, zero padding to the
 * block size, and a 12-byte tail (Adler-32 of everything before it, length again, magic {@code BlbE}).
 *
 * <p>The file comes from an untrusted image: slot page count, block offsets and counts are checked against
 * the file size, every blob must match its slot (package index, length, block count) and its checksum, and
 * blobs may not overlap, so the total work is bounded by the file size. A bad slot or blob costs that
 * package, reported; the rest are still read. rpm itself reads blobs without checking their checksum; this
 * reader checks it, because a garbled header would otherwise become a plausible-looking wrong package.
 */
final class NdbPackageDatabase {
    private static final int HEADER_MAGIC = 'R' | 'p' << 8 | 'm' << 16 | 'P' << 24;
    private static final int SLOT_MAGIC = 'S' | 'l' << 8 | 'o' << 16 | 't' << 24;
    private static final int BLOB_HEAD_MAGIC = 'B' | 'l' << 8 | 'b' << 16 | 'S' << 24;
    private static final int BLOB_TAIL_MAGIC = 'B' | 'l' << 8 | 'b' << 16 | 'E' << 24;
    private static final int PAGE_BYTES = 4096;
    private static final int SLOT_BYTES = 16;
    private static final int BLOCK_BYTES = 16;
    private static final int HEADER_BYTES = 32;
    private static final int BLOB_HEAD_BYTES = 16;
    private static final int BLOB_TAIL_BYTES = 12;

    private final byte[] data;
    private final String name;
    private final int slotPages;

    private NdbPackageDatabase(byte[] data, String name, int slotPages) {
        this.data = data;
        this.name = name;
        this.slotPages = slotPages;
    }

    private record Slot(int number, long packageIndex, long blockOffset, long blockCount) {}

    /** Reads and checks the database header; a file whose slot pages are not all present is rejected. */
    static NdbPackageDatabase open(byte[] data, String name) {
        if (data.length < HEADER_BYTES) {
            throw new UnableToParseException(
                    name + " is truncated: shorter than an NDB database header (" + data.length + " bytes)", name);
        }
        if (int32(data, 0) != HEADER_MAGIC) {
            throw new UnableToParseException(name + " is not an rpm NDB package database", name);
        }
        long version = unsigned32(data, 4);
        if (version != 0) {
            throw new UnableToParseException(name + " has unsupported NDB version " + version, name);
        }
        long slotPages = unsigned32(data, 12);
        if (slotPages < 1 || slotPages * PAGE_BYTES > data.length) {
            throw new UnableToParseException(
                    name + " claims " + slotPages + " slot pages but holds " + data.length + " bytes", name);
        }
        return new NdbPackageDatabase(data, name, (int) slotPages);
    }

    /** Visits every package blob, in package index order. */
    void forEachHeaderBlob(HeaderBlobVisitor visitor, Consumer<String> problems) {
        long fileBlocks = data.length / BLOCK_BYTES;
        long firstBlobBlock = (long) slotPages * (PAGE_BYTES / BLOCK_BYTES);
        List<Slot> slots = new ArrayList<>();
        // Slots 0 and 1 are the space of the database header.
        int totalSlots = slotPages * (PAGE_BYTES / SLOT_BYTES);
        int badSlots = 0;
        int firstBadSlot = 0;
        for (int number = HEADER_BYTES / SLOT_BYTES; number < totalSlots; number++) {
            int position = number * SLOT_BYTES;
            if (int32(data, position) != SLOT_MAGIC) {
                if (badSlots++ == 0) {
                    firstBadSlot = number;
                }
                continue;
            }
            long blockOffset = unsigned32(data, position + 8);
            if (blockOffset == 0) {
                continue;
            }
            Slot slot = new Slot(number, unsigned32(data, position + 4), blockOffset, unsigned32(data, position + 12));
            if (slot.packageIndex() == 0 || slot.blockCount() == 0 || slot.blockOffset() < firstBlobBlock) {
                problems.accept("slot " + number + " is invalid (package " + slot.packageIndex() + ", block "
                        + slot.blockOffset() + ", " + slot.blockCount() + " blocks)");
            } else if (slot.blockOffset() + slot.blockCount() > fileBlocks) {
                problems.accept("package " + slot.packageIndex() + " lies beyond the end of the file: truncated");
            } else {
                slots.add(slot);
            }
        }
        if (badSlots > 0) {
            problems.accept(badSlots + " slots have a bad magic number (the first is slot " + firstBadSlot
                    + "): corrupt slot pages, any packages they held are missing");
        }
        slots.sort(Comparator.comparingLong(Slot::packageIndex));
        Set<Long> seen = new HashSet<>();
        BitSet usedBlocks = new BitSet();
        for (Slot slot : slots) {
            if (!seen.add(slot.packageIndex())) {
                problems.accept("package " + slot.packageIndex() + " has two slots");
                continue;
            }
            int from = (int) slot.blockOffset();
            int to = (int) (slot.blockOffset() + slot.blockCount());
            if (usedBlocks.nextSetBit(from) >= 0 && usedBlocks.nextSetBit(from) < to) {
                problems.accept("package " + slot.packageIndex() + " overlaps another package's blob");
                continue;
            }
            usedBlocks.set(from, to);
            try {
                visitor.visit(slot.packageIndex(), blob(slot));
            } catch (CorruptBlobException e) {
                problems.accept("package " + slot.packageIndex() + ": " + e.getMessage());
            }
        }
    }

    /** The header blob of a slot, after checking its head, tail, length and checksum against the slot. */
    private byte[] blob(Slot slot) {
        int start = (int) (slot.blockOffset() * BLOCK_BYTES);
        int end = (int) ((slot.blockOffset() + slot.blockCount()) * BLOCK_BYTES);
        if (end - start < BLOB_HEAD_BYTES + BLOB_TAIL_BYTES) {
            throw new CorruptBlobException("its " + slot.blockCount() + " blocks cannot hold a blob");
        }
        if (int32(data, start) != BLOB_HEAD_MAGIC) {
            throw new CorruptBlobException("no blob at block " + slot.blockOffset());
        }
        if (unsigned32(data, start + 4) != slot.packageIndex()) {
            throw new CorruptBlobException(
                    "the blob at block " + slot.blockOffset() + " belongs to package " + unsigned32(data, start + 4));
        }
        long length = unsigned32(data, start + 12);
        if ((BLOB_HEAD_BYTES + length + BLOB_TAIL_BYTES + BLOCK_BYTES - 1) / BLOCK_BYTES != slot.blockCount()) {
            throw new CorruptBlobException(
                    "blob length " + length + " does not fit its " + slot.blockCount() + " blocks");
        }
        int tail = end - BLOB_TAIL_BYTES;
        if (int32(data, tail + 8) != BLOB_TAIL_MAGIC || unsigned32(data, tail + 4) != length) {
            throw new CorruptBlobException("the blob's tail is missing or disagrees with its head");
        }
        Adler32 checksum = new Adler32();
        checksum.update(data, start, tail - start);
        if (checksum.getValue() != unsigned32(data, tail)) {
            throw new CorruptBlobException("the blob's checksum does not match: corrupt data");
        }
        return Arrays.copyOfRange(data, start + BLOB_HEAD_BYTES, start + BLOB_HEAD_BYTES + (int) length);
    }

    private static int int32(byte[] bytes, int position) {
        return (bytes[position] & 0xFF)
                | (bytes[position + 1] & 0xFF) << 8
                | (bytes[position + 2] & 0xFF) << 16
                | (bytes[position + 3] & 0xFF) << 24;
    }

    private static long unsigned32(byte[] bytes, int position) {
        return int32(bytes, position) & 0xFFFFFFFFL;
    }

    String name() {
        return name;
    }

    private static final class CorruptBlobException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        CorruptBlobException(String message) {
            super(message, null, false, false);
        }
    }
}
