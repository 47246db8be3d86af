package dev.assay.vulndb.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A memory-mapped table of (key, value) byte strings sorted by key, read in place: a lookup is a binary
 * search over the slot array that compares key bytes in the mapping, and copies out only the value it
 * returns. All reads use absolute positions, so one instance serves any number of threads.
 */
final class SortedTable {
    private final String name;
    private final MappedByteBuffer buffer;
    private final int count;
    private final int slotsStart;

    private SortedTable(String name, MappedByteBuffer buffer, int count, int slotsStart) {
        this.name = name;
        this.buffer = buffer;
        this.count = count;
        this.slotsStart = slotsStart;
    }

    /**
     * Maps and checks a table file. With {@code verifyBody} the body checksum is computed too (a few
     * milliseconds for a large index); without it, damage shows up when a damaged entry is read.
     */
    static SortedTable open(Path file, StoreFormat.Kind kind, boolean verifyBody) throws IOException {
        String name = file.getFileName().toString();
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = channel.size();
            if (size > Integer.MAX_VALUE) {
                throw new CorruptAdvisoryDatabaseException(name + " is larger than a table can be", name);
            }
            MappedByteBuffer buffer = channel.map(FileChannel.MapMode.READ_ONLY, 0, size);
            StoreFormat.Header header = StoreFormat.Header.decode(buffer, kind, size, name);
            long slotBytes = header.entryCount() * 4;
            if (slotBytes > header.bodyLength()) {
                throw new CorruptAdvisoryDatabaseException(name + " has more entries than room for them", name);
            }
            if (verifyBody && StoreFormat.crc32c(buffer, StoreFormat.HEADER_BYTES, (int) size) != header.bodyCrc()) {
                throw new CorruptAdvisoryDatabaseException(name + " is damaged (checksum mismatch)", name);
            }
            return new SortedTable(name, buffer, (int) header.entryCount(), (int) (size - slotBytes));
        }
    }

    int size() {
        return count;
    }

    String name() {
        return name;
    }

    /** The index of the entry with exactly this key, or -1. */
    int find(byte[] key) {
        int low = 0;
        int high = count - 1;
        while (low <= high) {
            int middle = (low + high) >>> 1;
            int comparison = compareKeyAt(middle, key);
            if (comparison < 0) {
                low = middle + 1;
            } else if (comparison > 0) {
                high = middle - 1;
            } else {
                return middle;
            }
        }
        return -1;
    }

    byte[] key(int index) {
        long key = varInt(entryPosition(index));
        return copy(end(key), value(key));
    }

    byte[] value(int index) {
        long key = varInt(entryPosition(index));
        long value = varInt(end(key) + value(key));
        return copy(end(value), value(value));
    }

    /** The stored value for a key, or null. */
    byte[] get(byte[] key) {
        int index = find(key);
        return index < 0 ? null : value(index);
    }

    private int compareKeyAt(int index, byte[] key) {
        long lengthAndEnd = varInt(entryPosition(index));
        int length = value(lengthAndEnd);
        int start = end(lengthAndEnd);
        checkRange(start, length);
        int common = Math.min(length, key.length);
        for (int i = 0; i < common; i++) {
            int stored = buffer.get(start + i) & 0xFF;
            int wanted = key[i] & 0xFF;
            if (stored != wanted) {
                return stored - wanted;
            }
        }
        return length - key.length;
    }

    private int entryPosition(int index) {
        if (index < 0 || index >= count) {
            throw new IndexOutOfBoundsException(index);
        }
        int offset = buffer.getInt(slotsStart + index * 4);
        if (offset < 0 || StoreFormat.HEADER_BYTES + (long) offset >= slotsStart) {
            throw corrupt("an entry offset points outside the table");
        }
        return StoreFormat.HEADER_BYTES + offset;
    }

    /**
     * Decodes the varint at {@code position}; returns its value in the high and the position after it in
     * the low 32 bits (no allocation on the lookup path).
     */
    private long varInt(int position) {
        int result = 0;
        int cursor = position;
        for (int shift = 0; shift < 35; shift += 7) {
            if (cursor >= slotsStart) {
                throw corrupt("an entry runs past the end of the table");
            }
            int next = buffer.get(cursor++) & 0xFF;
            result |= (next & 0x7F) << shift;
            if ((next & 0x80) == 0) {
                if (result < 0) {
                    throw corrupt("an entry length is out of range");
                }
                return ((long) result << 32) | cursor;
            }
        }
        throw corrupt("an entry length is malformed");
    }

    private static int value(long varInt) {
        return (int) (varInt >>> 32);
    }

    private static int end(long varInt) {
        return (int) varInt;
    }

    private byte[] copy(int start, int length) {
        checkRange(start, length);
        byte[] bytes = new byte[length];
        buffer.get(start, bytes);
        return bytes;
    }

    private void checkRange(int start, int length) {
        if ((long) start + length > slotsStart) {
            throw corrupt("an entry runs past the end of the table");
        }
    }

    private CorruptAdvisoryDatabaseException corrupt(String what) {
        return new CorruptAdvisoryDatabaseException(name + " is damaged: " + what, name);
    }

    /** Read-only view for checksumming and copying. */
    ByteBuffer bytes() {
        return buffer.asReadOnlyBuffer();
    }
}
