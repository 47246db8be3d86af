package dev.assay.catalog.java;

import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;
import java.util.zip.ZipException;

/**
 * The central directory of a zip archive held in memory, read by offsets into the archive's bytes with
 * every offset, length and count checked against the buffer before it is used. It exists because a
 * general zip library builds a rich object per entry (extra fields, maps, sorting by offset) and Java
 * archives routinely hold thousands of classes, of which the cataloger wants two or three entries.
 *
 * <p>The reader is deliberately narrow: one disk, entries stored or deflated, no encryption. Anything it
 * does not accept raises {@link MalformedZipException}, on which the caller reads the archive as a
 * stream instead; an unusual but valid archive is therefore still read, only more slowly. Sizes here come
 * from the central directory; local headers are consulted only for the length of their name and extra
 * field, which is where local and central copies legitimately differ.
 */
final class ZipDirectory {
    static final int STORED = 0;
    static final int DEFLATED = 8;

    private static final int EOCD_SIGNATURE = 0x06054b50;
    private static final int EOCD_LENGTH = 22;
    private static final int ZIP64_LOCATOR_SIGNATURE = 0x07064b50;
    private static final int ZIP64_LOCATOR_LENGTH = 20;
    private static final int ZIP64_EOCD_SIGNATURE = 0x06064b50;
    private static final int ZIP64_EOCD_LENGTH = 56;
    private static final int CEN_SIGNATURE = 0x02014b50;
    private static final int CEN_LENGTH = 46;
    private static final int LOC_SIGNATURE = 0x04034b50;
    private static final int LOC_LENGTH = 30;
    private static final int ZIP64_EXTRA = 0x0001;
    private static final long MAGIC_32 = 0xFFFFFFFFL;
    private static final int MAGIC_16 = 0xFFFF;
    private static final int MAX_COMMENT = 0xFFFF;

    private final byte[] archive;
    private final int directoryStart;
    private final int directoryEnd;
    private final long base;
    private final long entryCount;

    private ZipDirectory(byte[] archive, int directoryStart, int directoryEnd, long base, long entryCount) {
        this.archive = archive;
        this.directoryStart = directoryStart;
        this.directoryEnd = directoryEnd;
        this.base = base;
        this.entryCount = entryCount;
    }

    /**
     * One central-directory record.
     *
     * @param localHeader absolute offset of the entry's local header in the buffer (prefix included)
     */
    record Entry(
            String name, int flags, int method, long compressedSize, long size, long localHeader, boolean directory) {
        boolean encrypted() {
            return (flags & 1) != 0;
        }
    }

    /** Walks the records of the central directory, checking each before yielding it. */
    interface EntryVisitor {
        void visit(Entry entry) throws IOException;
    }

    /**
     * Finds and checks the end of central directory record (and its ZIP64 counterpart).
     *
     * @throws MalformedZipException when no consistent directory is found
     */
    static ZipDirectory read(byte[] archive) throws MalformedZipException {
        int lowest = Math.max(0, archive.length - EOCD_LENGTH - MAX_COMMENT);
        // Search backwards, as the comment may hold anything, a fake record included: a candidate counts
        // only when the directory it describes is where it says and begins with a directory record.
        for (int position = archive.length - EOCD_LENGTH; position >= lowest; position--) {
            if (int32(archive, position) != EOCD_SIGNATURE) {
                continue;
            }
            ZipDirectory directory = atEndRecord(archive, position);
            if (directory != null) {
                return directory;
            }
        }
        throw new MalformedZipException("no usable end of central directory record");
    }

    private static ZipDirectory atEndRecord(byte[] archive, int eocd) {
        int comment = uint16(archive, eocd + 20);
        if ((long) eocd + EOCD_LENGTH + comment > archive.length) {
            return null;
        }
        int disk = uint16(archive, eocd + 4);
        int directoryDisk = uint16(archive, eocd + 6);
        long entriesOnDisk = uint16(archive, eocd + 8);
        long entries = uint16(archive, eocd + 10);
        long directorySize = uint32(archive, eocd + 12);
        long directoryOffset = uint32(archive, eocd + 16);
        long directoryEnd = eocd;
        int locator = eocd - ZIP64_LOCATOR_LENGTH;
        boolean saturated = entries == MAGIC_16 || directorySize == MAGIC_32 || directoryOffset == MAGIC_32;
        if (locator >= 0 && int32(archive, locator) == ZIP64_LOCATOR_SIGNATURE) {
            int record = zip64Record(archive, locator);
            if (record >= 0) {
                disk = (int) Math.min(Integer.MAX_VALUE, uint32(archive, record + 16));
                directoryDisk = (int) Math.min(Integer.MAX_VALUE, uint32(archive, record + 20));
                entriesOnDisk = int64(archive, record + 24);
                entries = int64(archive, record + 32);
                directorySize = int64(archive, record + 40);
                directoryOffset = int64(archive, record + 48);
                directoryEnd = record;
            } else if (saturated) {
                return null;
            }
        } else if (saturated && !(entries == MAGIC_16 && directorySize < MAGIC_32 && directoryOffset < MAGIC_32)) {
            // Exactly 65535 entries is legal without ZIP64; saturated sizes or offsets are not.
            return null;
        }
        if ((disk != 0 && disk != MAGIC_16)
                || (directoryDisk != 0 && directoryDisk != MAGIC_16)
                || entries != entriesOnDisk) {
            return null; // multi-disk archives are not Java archives
        }
        // Negative values (from 64-bit fields) fail these checks too.
        if (directorySize < 0 || directorySize > directoryEnd || entries < 0 || directoryOffset < 0) {
            return null;
        }
        if (entries > directorySize / CEN_LENGTH || (entries == 0) != (directorySize == 0)) {
            return null;
        }
        long directoryStart = directoryEnd - directorySize;
        // Bytes before the archive proper (a launch script) shift every offset by the same amount.
        long base = directoryStart - directoryOffset;
        if (base < 0) {
            return null;
        }
        if (entries > 0 && int32(archive, (int) directoryStart) != CEN_SIGNATURE) {
            return null;
        }
        return new ZipDirectory(archive, (int) directoryStart, (int) directoryEnd, base, entries);
    }

    /** The ZIP64 end record the locator points to, or -1 when there is none that checks out. */
    private static int zip64Record(byte[] archive, int locator) {
        int expected = locator - ZIP64_LOCATOR_LENGTH - (ZIP64_EOCD_LENGTH - ZIP64_LOCATOR_LENGTH);
        if (expected >= 0 && int32(archive, expected) == ZIP64_EOCD_SIGNATURE) {
            return expected;
        }
        long stated = int64(archive, locator + 8);
        if (stated >= 0
                && stated <= locator - ZIP64_EOCD_LENGTH
                && int32(archive, (int) stated) == ZIP64_EOCD_SIGNATURE) {
            return (int) stated;
        }
        return -1;
    }

    /** How many entries the end record declares; {@link #forEach} checks the records match it. */
    long entryCount() {
        return entryCount;
    }

    /**
     * Visits every record in directory order. Throws {@link MalformedZipException} at the first record
     * that is inconsistent, and when the records do not add up to the declared count and size.
     */
    void forEach(EntryVisitor visitor) throws IOException {
        int position = directoryStart;
        long seen = 0;
        while (position < directoryEnd) {
            if (seen == entryCount) {
                throw new MalformedZipException(
                        "central directory holds more records than the " + entryCount + " it declares");
            }
            if (position > directoryEnd - CEN_LENGTH || int32(archive, position) != CEN_SIGNATURE) {
                throw new MalformedZipException("bad central directory record at offset " + position);
            }
            int flags = uint16(archive, position + 8);
            int method = uint16(archive, position + 10);
            long compressedSize = uint32(archive, position + 20);
            long size = uint32(archive, position + 24);
            int nameLength = uint16(archive, position + 28);
            int extraLength = uint16(archive, position + 30);
            int commentLength = uint16(archive, position + 32);
            long localHeader = uint32(archive, position + 42);
            long next = (long) position + CEN_LENGTH + nameLength + extraLength + commentLength;
            if (next > directoryEnd) {
                throw new MalformedZipException("central directory record overruns the directory");
            }
            int extra = position + CEN_LENGTH + nameLength;
            if (size == MAGIC_32 || compressedSize == MAGIC_32 || localHeader == MAGIC_32) {
                long[] values = zip64Extra(
                        extra, extraLength, size == MAGIC_32, compressedSize == MAGIC_32, localHeader == MAGIC_32);
                size = values[0] >= 0 ? values[0] : size;
                compressedSize = values[1] >= 0 ? values[1] : compressedSize;
                localHeader = values[2] >= 0 ? values[2] : localHeader;
            }
            // Names are read as UTF-8 whatever the language flag says: Java tools write UTF-8, and the
            // names that matter to the cataloger are ASCII.
            String name = new String(archive, position + CEN_LENGTH, nameLength, StandardCharsets.UTF_8);
            // Checked one by one: a 64-bit offset plus the prefix length could overflow.
            if (compressedSize > archive.length
                    || localHeader > archive.length
                    || localHeader + base > archive.length - LOC_LENGTH) {
                throw new MalformedZipException(name + ": sizes or offset point outside the archive");
            }
            visitor.visit(new Entry(name, flags, method, compressedSize, size, localHeader + base, name.endsWith("/")));
            seen++;
            position = (int) next;
        }
        if (seen != entryCount) {
            throw new MalformedZipException(
                    "central directory holds " + seen + " records, not the " + entryCount + " it declares");
        }
    }

    /** The values of a ZIP64 extra field for the fields that were saturated; -1 for absent ones. */
    private long[] zip64Extra(int extra, int length, boolean size, boolean compressed, boolean offset)
            throws MalformedZipException {
        long[] values = {-1, -1, -1};
        int position = extra;
        int end = extra + length;
        while (position <= end - 4) {
            int id = uint16(archive, position);
            int dataLength = uint16(archive, position + 2);
            int data = position + 4;
            if (data + dataLength > end) {
                throw new MalformedZipException("extra field overruns its record");
            }
            if (id == ZIP64_EXTRA) {
                // The values appear in this order, each only when its 32-bit field is saturated.
                int cursor = data;
                int dataEnd = data + dataLength;
                boolean[] present = {size, compressed, offset};
                for (int index = 0; index < 3; index++) {
                    if (!present[index]) {
                        continue;
                    }
                    if (cursor + 8 > dataEnd) {
                        throw new MalformedZipException("ZIP64 extra field too short");
                    }
                    long value = int64(archive, cursor);
                    if (value < 0) {
                        throw new MalformedZipException("ZIP64 extra field holds a negative value");
                    }
                    values[index] = value;
                    cursor += 8;
                }
                return values;
            }
            position = data + dataLength;
        }
        return values;
    }

    /**
     * Where an entry's data starts in the buffer, after checking its local header, and that its
     * compressed bytes lie wholly before the central directory.
     */
    int dataStart(Entry entry) throws MalformedZipException {
        int header = (int) entry.localHeader();
        if (int32(archive, header) != LOC_SIGNATURE) {
            throw new MalformedZipException(entry.name() + ": no local header at its offset");
        }
        long start = (long) header + LOC_LENGTH + uint16(archive, header + 26) + uint16(archive, header + 28);
        if (start + entry.compressedSize() > directoryStart) {
            throw new MalformedZipException(entry.name() + ": data runs into the central directory");
        }
        if (entry.method() == STORED && entry.size() != entry.compressedSize()) {
            throw new MalformedZipException(entry.name() + ": stored entry with two different sizes");
        }
        return (int) start;
    }

    /**
     * The data of a stored or deflated entry, given its start from {@link #dataStart}. The stream ends
     * with an error rather than yield more than the entry's declared size.
     */
    EntryStream open(Entry entry, int dataStart) {
        if (entry.method() == STORED) {
            return new StoredStream(archive, dataStart, (int) entry.compressedSize());
        }
        return new InflatingStream(archive, dataStart, (int) entry.compressedSize(), entry.size());
    }

    /** An entry's data; tells how many compressed bytes produced what was read so far. */
    abstract static sealed class EntryStream extends InputStream permits StoredStream, InflatingStream {
        abstract long compressedCount();
    }

    private static final class StoredStream extends EntryStream {
        private final ByteArrayInputStream data;
        private final int length;

        StoredStream(byte[] archive, int start, int length) {
            this.data = new ByteArrayInputStream(archive, start, length);
            this.length = length;
        }

        @Override
        public int read() {
            return data.read();
        }

        @Override
        public int read(byte[] buffer, int offset, int count) {
            return data.read(buffer, offset, count);
        }

        @Override
        public int available() {
            return data.available();
        }

        @Override
        long compressedCount() {
            return length;
        }
    }

    private static final class InflatingStream extends EntryStream {
        private final Inflater inflater = new Inflater(true);
        private final long declaredSize;
        private long produced;
        private boolean paddingGiven;
        private boolean closed;

        InflatingStream(byte[] archive, int start, int length, long declaredSize) {
            this.declaredSize = declaredSize;
            inflater.setInput(archive, start, length);
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int read = read(one, 0, 1);
            return read < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] buffer, int offset, int count) throws IOException {
            if (closed) {
                throw new IOException("entry stream closed");
            }
            if (count == 0) {
                return 0;
            }
            // Each pass either produces bytes, ends, fails, or feeds the one padding byte: three suffice.
            for (int attempt = 0; attempt < 3; attempt++) {
                if (inflater.finished()) {
                    return -1;
                }
                int inflated;
                try {
                    inflated = inflater.inflate(buffer, offset, count);
                } catch (DataFormatException e) {
                    throw new ZipException("invalid deflate data: " + e.getMessage());
                }
                if (inflated > 0) {
                    produced += inflated;
                    if (produced > declaredSize) {
                        throw new ZipException("entry inflates past its declared size of " + declaredSize);
                    }
                    return inflated;
                }
                if (inflater.needsDictionary()) {
                    throw new ZipException("deflate data asks for a preset dictionary");
                }
                if (inflater.needsInput()) {
                    if (paddingGiven) {
                        throw new EOFException("deflate data ends before its end marker");
                    }
                    // zlib may want one byte past a raw deflate stream to finish (see Inflater's nowrap).
                    inflater.setInput(new byte[1]);
                    paddingGiven = true;
                }
            }
            throw new ZipException("deflate data makes no progress");
        }

        @Override
        long compressedCount() {
            return inflater.getBytesRead();
        }

        @Override
        public void close() {
            if (!closed) {
                closed = true;
                inflater.end();
            }
        }
    }

    /** The archive does not have a central directory this reader accepts; read it as a stream. */
    static final class MalformedZipException extends ZipException {
        MalformedZipException(String message) {
            super(message);
        }
    }

    private static int uint16(byte[] bytes, int offset) {
        return (bytes[offset] & 0xff) | (bytes[offset + 1] & 0xff) << 8;
    }

    private static long uint32(byte[] bytes, int offset) {
        return int32(bytes, offset) & MAGIC_32;
    }

    private static int int32(byte[] bytes, int offset) {
        return (bytes[offset] & 0xff)
                | (bytes[offset + 1] & 0xff) << 8
                | (bytes[offset + 2] & 0xff) << 16
                | (bytes[offset + 3] & 0xff) << 24;
    }

    private static long int64(byte[] bytes, int offset) {
        return uint32(bytes, offset) | uint32(bytes, offset + 4) << 32;
    }
}
