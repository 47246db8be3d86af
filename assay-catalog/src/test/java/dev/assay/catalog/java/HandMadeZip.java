package dev.assay.catalog.java;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * Writes zip archives record by record, so that tests can state any field, however inconsistent: local
 * headers and central-directory records are written separately and the end record takes its counts and
 * offsets from the caller when asked to.
 */
final class HandMadeZip {
    private final ByteArrayOutputStream data = new ByteArrayOutputStream();
    private final ByteArrayOutputStream central = new ByteArrayOutputStream();
    private int centralRecords;

    /** Raw deflate, as zip entries hold it. */
    static byte[] deflate(byte[] content) {
        Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION, true);
        deflater.setInput(content);
        deflater.finish();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[65536];
        while (!deflater.finished()) {
            out.write(buffer, 0, deflater.deflate(buffer));
        }
        deflater.end();
        return out.toByteArray();
    }

    static long crc(byte[] content) {
        CRC32 crc = new CRC32();
        crc.update(content);
        return crc.getValue();
    }

    /** Where the next local header will start. */
    int offset() {
        return data.size();
    }

    /** Appends raw bytes to the data part (before the central directory). */
    HandMadeZip raw(byte[] bytes) {
        data.writeBytes(bytes);
        return this;
    }

    /** A local header followed by {@code stored} (already compressed with {@code method}); returns its offset. */
    int local(String name, int method, byte[] stored, long crc, long size) {
        int offset = data.size();
        data.writeBytes(localHeader(name, method, stored.length, crc, size));
        data.writeBytes(stored);
        return offset;
    }

    static byte[] localHeader(String name, int method, long compressedSize, long crc, long size) {
        byte[] nameBytes = name.getBytes(StandardCharsets.UTF_8);
        ByteBuffer header = ByteBuffer.allocate(30 + nameBytes.length).order(ByteOrder.LITTLE_ENDIAN);
        header.putInt(0x04034b50)
                .putShort((short) 20)
                .putShort((short) 0)
                .putShort((short) method)
                .putInt(0)
                .putInt((int) crc)
                .putInt((int) compressedSize)
                .putInt((int) size)
                .putShort((short) nameBytes.length)
                .putShort((short) 0)
                .put(nameBytes);
        return header.array();
    }

    /** A central-directory record with whatever values the test wants. */
    HandMadeZip central(String name, int method, long compressedSize, long size, long crc, long localOffset) {
        return central(name, method, compressedSize, size, crc, localOffset, new byte[0]);
    }

    HandMadeZip central(
            String name, int method, long compressedSize, long size, long crc, long localOffset, byte[] extra) {
        byte[] nameBytes = name.getBytes(StandardCharsets.UTF_8);
        ByteBuffer record =
                ByteBuffer.allocate(46 + nameBytes.length + extra.length).order(ByteOrder.LITTLE_ENDIAN);
        record.putInt(0x02014b50)
                .putShort((short) 20)
                .putShort((short) 20)
                .putShort((short) 0)
                .putShort((short) method)
                .putInt(0)
                .putInt((int) crc)
                .putInt((int) compressedSize)
                .putInt((int) size)
                .putShort((short) nameBytes.length)
                .putShort((short) extra.length)
                .putShort((short) 0)
                .putShort((short) 0)
                .putShort((short) 0)
                .putInt(0)
                .putInt((int) localOffset)
                .put(nameBytes)
                .put(extra);
        central.writeBytes(record.array());
        centralRecords++;
        return this;
    }

    /** A local entry and its matching central record, deflated. */
    HandMadeZip deflated(String name, byte[] content) {
        byte[] compressed = deflate(content);
        int offset = local(name, 8, compressed, crc(content), content.length);
        return central(name, 8, compressed.length, content.length, crc(content), offset);
    }

    /** The archive with a truthful end record. */
    byte[] bytes() {
        return bytes(centralRecords, central.size(), data.size());
    }

    /** The archive with an end record declaring these values. */
    byte[] bytes(long entries, long directorySize, long directoryOffset) {
        ByteArrayOutputStream archive = new ByteArrayOutputStream();
        archive.writeBytes(data.toByteArray());
        archive.writeBytes(central.toByteArray());
        ByteBuffer end = ByteBuffer.allocate(22).order(ByteOrder.LITTLE_ENDIAN);
        end.putInt(0x06054b50)
                .putShort((short) 0)
                .putShort((short) 0)
                .putShort((short) entries)
                .putShort((short) entries)
                .putInt((int) directorySize)
                .putInt((int) directoryOffset)
                .putShort((short) 0);
        archive.writeBytes(end.array());
        return archive.toByteArray();
    }

    /**
     * The archive in ZIP64 form: a ZIP64 end record with these values, its locator, and a classic end
     * record whose fields are all saturated.
     */
    byte[] zip64Bytes(long entries, long directorySize, long directoryOffset) {
        ByteArrayOutputStream archive = new ByteArrayOutputStream();
        archive.writeBytes(data.toByteArray());
        archive.writeBytes(central.toByteArray());
        long recordOffset = archive.size();
        ByteBuffer record = ByteBuffer.allocate(56).order(ByteOrder.LITTLE_ENDIAN);
        record.putInt(0x06064b50)
                .putLong(44)
                .putShort((short) 45)
                .putShort((short) 45)
                .putInt(0)
                .putInt(0)
                .putLong(entries)
                .putLong(entries)
                .putLong(directorySize)
                .putLong(directoryOffset);
        archive.writeBytes(record.array());
        ByteBuffer locator = ByteBuffer.allocate(20).order(ByteOrder.LITTLE_ENDIAN);
        locator.putInt(0x07064b50).putInt(0).putLong(recordOffset).putInt(1);
        archive.writeBytes(locator.array());
        ByteBuffer end = ByteBuffer.allocate(22).order(ByteOrder.LITTLE_ENDIAN);
        end.putInt(0x06054b50)
                .putShort((short) 0)
                .putShort((short) 0)
                .putShort((short) 0xFFFF)
                .putShort((short) 0xFFFF)
                .putInt(0xFFFFFFFF)
                .putInt(0xFFFFFFFF)
                .putShort((short) 0);
        archive.writeBytes(end.array());
        return archive.toByteArray();
    }

    int centralSize() {
        return central.size();
    }

    int dataSize() {
        return data.size();
    }

    /** A ZIP64 extended-information extra field holding these values, in the order the format wants. */
    static byte[] zip64Extra(long... values) {
        ByteBuffer extra = ByteBuffer.allocate(4 + 8 * values.length).order(ByteOrder.LITTLE_ENDIAN);
        extra.putShort((short) 1).putShort((short) (8 * values.length));
        for (long value : values) {
            extra.putLong(value);
        }
        return extra.array();
    }
}
