package dev.assay.vulndb.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.zip.CRC32C;

/**
 * The records file, mapped in windows (see {@link RecordsFileWriter}). A read copies one frame's payload
 * and checks its CRC32C, so a flipped byte in a record is reported when that record is hit, at the cost of
 * checksumming only what a scan reads.
 */
final class RecordsFile {
    private final String name;
    private final MappedByteBuffer[] windows;
    private final int windowShift;
    private final long windowMask;
    private final long size;
    private final StoreFormat.Header header;

    private RecordsFile(
            String name, MappedByteBuffer[] windows, int windowShift, long size, StoreFormat.Header header) {
        this.name = name;
        this.windows = windows;
        this.windowShift = windowShift;
        this.windowMask = (1L << windowShift) - 1;
        this.size = size;
        this.header = header;
    }

    static RecordsFile open(Path file) throws IOException {
        String name = file.getFileName().toString();
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = channel.size();
            MappedByteBuffer first =
                    channel.map(FileChannel.MapMode.READ_ONLY, 0, Math.min(size, StoreFormat.HEADER_BYTES));
            StoreFormat.Header header = StoreFormat.Header.decode(first, StoreFormat.Kind.RECORDS, size, name);
            int shift = header.windowShift();
            if (shift < 8 || shift > 30) {
                throw new CorruptAdvisoryDatabaseException(name + " has an invalid window size", name);
            }
            long window = 1L << shift;
            int count = (int) ((size + window - 1) >>> shift);
            MappedByteBuffer[] windows = new MappedByteBuffer[count];
            for (int i = 0; i < count; i++) {
                long start = (long) i << shift;
                windows[i] = channel.map(FileChannel.MapMode.READ_ONLY, start, Math.min(window, size - start));
            }
            return new RecordsFile(name, windows, shift, size, header);
        }
    }

    long recordCount() {
        return header.entryCount();
    }

    /** The payload of the frame at {@code offset}, checksum verified. */
    byte[] read(long offset) {
        if (offset < StoreFormat.HEADER_BYTES || offset >= size) {
            throw corrupt("a record address points outside the records file");
        }
        MappedByteBuffer window = windows[(int) (offset >>> windowShift)];
        int position = (int) (offset & windowMask);
        if (position + RecordsFileWriter.FRAME_OVERHEAD > window.limit()) {
            throw corrupt("a record frame runs past its window");
        }
        int length = window.getInt(position);
        int expectedCrc = window.getInt(position + 4);
        if (length <= 0 || (long) position + RecordsFileWriter.FRAME_OVERHEAD + length > window.limit()) {
            throw corrupt("a record length is out of range");
        }
        byte[] payload = new byte[length];
        window.get(position + RecordsFileWriter.FRAME_OVERHEAD, payload);
        CRC32C crc = new CRC32C();
        crc.update(payload);
        if ((int) crc.getValue() != expectedCrc) {
            throw corrupt("a record's checksum does not match (at offset " + offset + ")");
        }
        return payload;
    }

    /** Checks the body checksum of the whole file: reads every byte. */
    void verify() {
        CRC32C crc = new CRC32C();
        for (int i = 0; i < windows.length; i++) {
            ByteBuffer view = windows[i].slice();
            if (i == 0) {
                view.position(StoreFormat.HEADER_BYTES);
            }
            crc.update(view);
        }
        if ((int) crc.getValue() != header.bodyCrc()) {
            throw corrupt("checksum mismatch over the records");
        }
    }

    String name() {
        return name;
    }

    private CorruptAdvisoryDatabaseException corrupt(String what) {
        return new CorruptAdvisoryDatabaseException(name + " is damaged: " + what, name);
    }
}
