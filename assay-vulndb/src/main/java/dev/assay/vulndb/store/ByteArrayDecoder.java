package dev.assay.vulndb.store;

import java.nio.charset.StandardCharsets;

/**
 * Reads what {@link ByteArrayEncoder} wrote. Every read is bounds-checked against the slice it was given,
 * and counts are checked against the bytes left, so that a damaged record fails with
 * {@link MalformedDataException} instead of an {@code OutOfMemoryError} or a garbage value.
 */
final class ByteArrayDecoder {
    private final byte[] bytes;
    private final int end;
    private int position;

    ByteArrayDecoder(byte[] bytes, int offset, int length) {
        this.bytes = bytes;
        this.position = offset;
        this.end = offset + length;
    }

    ByteArrayDecoder(byte[] bytes) {
        this(bytes, 0, bytes.length);
    }

    boolean atEnd() {
        return position == end;
    }

    int position() {
        return position;
    }

    int readByte() {
        require(1);
        return bytes[position++] & 0xFF;
    }

    long readVarLong() {
        long result = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            int next = readByte();
            result |= (long) (next & 0x7F) << shift;
            if ((next & 0x80) == 0) {
                return result;
            }
        }
        throw new MalformedDataException("varint longer than 10 bytes");
    }

    int readVarInt() {
        // Most counts and lengths fit one byte: a fast path without calls keeps cold (interpreted) decoding
        // of the first scan's hits cheap.
        if (position < end) {
            byte first = bytes[position];
            if (first >= 0) {
                position++;
                return first;
            }
        }
        long value = readVarLong();
        if (value > Integer.MAX_VALUE) {
            throw new MalformedDataException("count " + value + " out of range");
        }
        return (int) value;
    }

    long readSignedVarLong() {
        long raw = readVarLong();
        return (raw >>> 1) ^ -(raw & 1);
    }

    /** A count of items that take at least {@code minBytesEach} bytes each, checked against what is left. */
    int readCount(int minBytesEach) {
        int count = readVarInt();
        if ((long) count * minBytesEach > end - position) {
            throw new MalformedDataException(
                    "count " + count + " exceeds the remaining " + (end - position) + " bytes");
        }
        return count;
    }

    int readInt() {
        require(4);
        int value = ((bytes[position] & 0xFF) << 24)
                | ((bytes[position + 1] & 0xFF) << 16)
                | ((bytes[position + 2] & 0xFF) << 8)
                | (bytes[position + 3] & 0xFF);
        position += 4;
        return value;
    }

    long readLong() {
        long high = readInt() & 0xFFFFFFFFL;
        long low = readInt() & 0xFFFFFFFFL;
        return (high << 32) | low;
    }

    double readDouble() {
        return Double.longBitsToDouble(readLong());
    }

    String readString() {
        int length = readVarInt();
        if (length > end - position) {
            throw new MalformedDataException(
                    "string of " + length + " bytes exceeds the remaining " + (end - position));
        }
        if (length == 0) {
            return "";
        }
        String value = new String(bytes, position, length, StandardCharsets.UTF_8);
        position += length;
        return value;
    }

    byte[] readLengthPrefixed() {
        int length = readCount(1);
        byte[] value = new byte[length];
        System.arraycopy(bytes, position, value, 0, length);
        position += length;
        return value;
    }

    private void require(int count) {
        if (end - position < count) {
            throw new MalformedDataException("record ends " + (count - (end - position)) + " bytes early");
        }
    }
}
