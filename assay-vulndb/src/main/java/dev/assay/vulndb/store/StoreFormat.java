package dev.assay.vulndb.store;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32C;

/**
 * The 64-byte header every binary file of the store starts with, and the constants of the format.
 *
 * <pre>
 *  0  8 bytes  magic "ASSAYADB"
 *  8  int      format version
 * 12  int      file kind (records, package index, id index, KEV table, EPSS table)
 * 16  long     entry count
 * 24  long     body length (file length - 64)
 * 32  int      records window shift (records file), 0 otherwise
 * 36  int      reserved, 0
 * 40  long     reserved, 0
 * 48  int      CRC32C of the body
 * 52  int      reserved, 0
 * 56  int      CRC32C of bytes 0..55
 * 60  int      reserved, 0
 * </pre>
 *
 * All numbers are big-endian. The header checksum makes a flipped count or length fail at open, before
 * anything is read with it; the body checksum is checked at open for the index tables and by
 * {@link AdvisoryDatabase#verify()} for the records file, whose records carry checksums of their own.
 */
final class StoreFormat {
    static final int VERSION = 1;
    static final int HEADER_BYTES = 64;
    static final byte[] MAGIC = "ASSAYADB".getBytes(StandardCharsets.US_ASCII);

    private StoreFormat() {}

    /** What a file holds; the numbers are part of the format. */
    enum Kind {
        RECORDS(1),
        PACKAGE_INDEX(2),
        ID_INDEX(3),
        KEV_TABLE(4),
        EPSS_TABLE(5);

        final int code;

        Kind(int code) {
            this.code = code;
        }

        static Kind ofCode(int code) {
            for (Kind kind : values()) {
                if (kind.code == code) {
                    return kind;
                }
            }
            return null;
        }
    }

    record Header(Kind kind, long entryCount, long bodyLength, int windowShift, int bodyCrc) {
        ByteBuffer encode() {
            ByteBuffer buffer = ByteBuffer.allocate(HEADER_BYTES).order(ByteOrder.BIG_ENDIAN);
            buffer.put(MAGIC);
            buffer.putInt(VERSION);
            buffer.putInt(kind.code);
            buffer.putLong(entryCount);
            buffer.putLong(bodyLength);
            buffer.putInt(windowShift);
            buffer.putInt(0);
            buffer.putLong(0);
            buffer.putInt(bodyCrc);
            buffer.putInt(0);
            CRC32C crc = new CRC32C();
            crc.update(buffer.array(), 0, 56);
            buffer.putInt((int) crc.getValue());
            buffer.putInt(0);
            buffer.flip();
            return buffer;
        }

        /**
         * Reads and checks a header: magic, version, kind, header checksum and that the body length agrees
         * with the file's size.
         */
        static Header decode(ByteBuffer file, Kind expected, long fileSize, String fileName) {
            if (fileSize < HEADER_BYTES) {
                throw new CorruptAdvisoryDatabaseException(
                        fileName + " is truncated: " + fileSize + " bytes, shorter than its header", fileName);
            }
            byte[] header = new byte[HEADER_BYTES];
            file.get(0, header);
            for (int i = 0; i < MAGIC.length; i++) {
                if (header[i] != MAGIC[i]) {
                    throw new CorruptAdvisoryDatabaseException(
                            fileName + " is not an Assay advisory database file (wrong magic number)", fileName);
                }
            }
            ByteBuffer fields = ByteBuffer.wrap(header).order(ByteOrder.BIG_ENDIAN);
            int version = fields.getInt(8);
            if (version != VERSION) {
                throw new CorruptAdvisoryDatabaseException(
                        fileName + " has format version " + version + "; this Assay reads version " + VERSION,
                        fileName);
            }
            CRC32C crc = new CRC32C();
            crc.update(header, 0, 56);
            if ((int) crc.getValue() != fields.getInt(56)) {
                throw new CorruptAdvisoryDatabaseException(fileName + " has a damaged header (checksum)", fileName);
            }
            Kind kind = Kind.ofCode(fields.getInt(12));
            if (kind != expected) {
                throw new CorruptAdvisoryDatabaseException(
                        fileName + " holds " + kind + " data where " + expected + " was expected", fileName);
            }
            long entryCount = fields.getLong(16);
            long bodyLength = fields.getLong(24);
            if (entryCount < 0 || bodyLength != fileSize - HEADER_BYTES) {
                throw new CorruptAdvisoryDatabaseException(
                        fileName + " is truncated or extended: header says " + (bodyLength + HEADER_BYTES)
                                + " bytes, the file has " + fileSize,
                        fileName);
            }
            return new Header(kind, entryCount, bodyLength, fields.getInt(32), fields.getInt(48));
        }
    }

    /** CRC32C of a region of a mapped file, in slices so that a file over 2 GiB needs no special case. */
    static int crc32c(ByteBuffer mapped, int from, int to) {
        CRC32C crc = new CRC32C();
        crc.update(mapped.slice(from, to - from));
        return (int) crc.getValue();
    }
}
