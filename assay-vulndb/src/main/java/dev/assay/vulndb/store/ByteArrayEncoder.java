package dev.assay.vulndb.store;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A growable byte buffer with the few primitives the store's formats are written in: unsigned LEB128
 * varints (small counts and lengths cost one byte), fixed-width big-endian numbers and length-prefixed
 * UTF-8 strings.
 */
final class ByteArrayEncoder {
    private byte[] buffer;
    private int size;

    ByteArrayEncoder(int initialCapacity) {
        buffer = new byte[Math.max(16, initialCapacity)];
    }

    int size() {
        return size;
    }

    void reset() {
        size = 0;
    }

    byte[] toByteArray() {
        return Arrays.copyOf(buffer, size);
    }

    byte[] array() {
        return buffer;
    }

    void writeByte(int value) {
        ensure(1);
        buffer[size++] = (byte) value;
    }

    void writeBytes(byte[] bytes) {
        writeBytes(bytes, 0, bytes.length);
    }

    void writeBytes(byte[] bytes, int offset, int length) {
        ensure(length);
        System.arraycopy(bytes, offset, buffer, size, length);
        size += length;
    }

    void writeVarLong(long value) {
        if (value < 0) {
            throw new IllegalArgumentException("negative varint " + value);
        }
        long remaining = value;
        while ((remaining & ~0x7FL) != 0) {
            writeByte((int) ((remaining & 0x7F) | 0x80));
            remaining >>>= 7;
        }
        writeByte((int) remaining);
    }

    void writeVarInt(int value) {
        writeVarLong(value);
    }

    /** Zig-zag so that small negative numbers (epoch seconds before 1970) stay short too. */
    void writeSignedVarLong(long value) {
        writeVarLong((value << 1) ^ (value >> 63));
    }

    void writeInt(int value) {
        ensure(4);
        buffer[size++] = (byte) (value >>> 24);
        buffer[size++] = (byte) (value >>> 16);
        buffer[size++] = (byte) (value >>> 8);
        buffer[size++] = (byte) value;
    }

    void writeLong(long value) {
        writeInt((int) (value >>> 32));
        writeInt((int) value);
    }

    void writeDouble(double value) {
        writeLong(Double.doubleToRawLongBits(value));
    }

    void writeString(String value) {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        writeVarInt(bytes.length);
        writeBytes(bytes);
    }

    void writeLengthPrefixed(byte[] bytes) {
        writeVarInt(bytes.length);
        writeBytes(bytes);
    }

    private void ensure(int more) {
        int needed = size + more;
        if (needed < 0) {
            throw new IllegalStateException("record larger than 2 GiB");
        }
        if (needed > buffer.length) {
            buffer = Arrays.copyOf(buffer, Math.max(needed, buffer.length * 2));
        }
    }
}
