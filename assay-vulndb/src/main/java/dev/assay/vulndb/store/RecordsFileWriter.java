package dev.assay.vulndb.store;

import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.zip.CRC32C;

/**
 * Appends framed records ({@code [int length][int CRC32C][payload]}) to a records file. The file is mapped
 * by readers in windows of {@code 2^windowShift} bytes, so a frame never straddles a window boundary: when
 * one would, the rest of the window is zero-filled and the frame starts the next window.
 */
final class RecordsFileWriter implements Closeable {
    /** 1 GiB windows: mappable with a {@code MappedByteBuffer} and few enough for a multi-GB file. */
    static final int DEFAULT_WINDOW_SHIFT = 30;

    static final int FRAME_OVERHEAD = 8;

    private final Path file;
    private final FileChannel channel;
    private final OutputStream body;
    private final CRC32C bodyCrc = new CRC32C();
    private final CRC32C recordCrc = new CRC32C();
    private final byte[] frameHeader = new byte[FRAME_OVERHEAD];
    private final int windowShift;
    private final long windowSize;
    private long position = StoreFormat.HEADER_BYTES;
    private long count;
    private boolean finished;

    RecordsFileWriter(Path file, int windowShift) throws IOException {
        if (windowShift < 8 || windowShift > 30) {
            throw new IllegalArgumentException("window shift " + windowShift);
        }
        this.file = file;
        this.windowShift = windowShift;
        this.windowSize = 1L << windowShift;
        this.channel = FileChannel.open(
                file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE, StandardOpenOption.READ);
        channel.write(ByteBuffer.allocate(StoreFormat.HEADER_BYTES), 0);
        channel.position(StoreFormat.HEADER_BYTES);
        this.body = new BufferedOutputStream(Channels.newOutputStream(channel), 1 << 16);
    }

    /** Appends one record; returns the file offset of its frame, the record's address in the indexes. */
    long append(byte[] payload, int offset, int length) throws IOException {
        long frame = FRAME_OVERHEAD + (long) length;
        if (length <= 0 || frame > windowSize - StoreFormat.HEADER_BYTES) {
            throw new IOException("a record of " + length + " bytes does not fit a window of " + file.getFileName());
        }
        long roomInWindow = windowSize - (position & (windowSize - 1));
        if (frame > roomInWindow) {
            pad(roomInWindow);
        }
        recordCrc.reset();
        recordCrc.update(payload, offset, length);
        int crc = (int) recordCrc.getValue();
        frameHeader[0] = (byte) (length >>> 24);
        frameHeader[1] = (byte) (length >>> 16);
        frameHeader[2] = (byte) (length >>> 8);
        frameHeader[3] = (byte) length;
        frameHeader[4] = (byte) (crc >>> 24);
        frameHeader[5] = (byte) (crc >>> 16);
        frameHeader[6] = (byte) (crc >>> 8);
        frameHeader[7] = (byte) crc;
        long start = position;
        write(frameHeader, 0, FRAME_OVERHEAD);
        write(payload, offset, length);
        count++;
        return start;
    }

    long append(byte[] payload) throws IOException {
        return append(payload, 0, payload.length);
    }

    long count() {
        return count;
    }

    /** Writes the header and forces the file to disk; returns the file's length. */
    long finish() throws IOException {
        body.flush();
        StoreFormat.Header header = new StoreFormat.Header(
                StoreFormat.Kind.RECORDS, count, position - StoreFormat.HEADER_BYTES, windowShift, (int)
                        bodyCrc.getValue());
        channel.write(header.encode(), 0);
        channel.force(true);
        finished = true;
        return position;
    }

    private void pad(long bytes) throws IOException {
        byte[] zeros = new byte[(int) Math.min(bytes, 1 << 16)];
        long remaining = bytes;
        while (remaining > 0) {
            int chunk = (int) Math.min(remaining, zeros.length);
            write(zeros, 0, chunk);
            remaining -= chunk;
        }
    }

    private void write(byte[] bytes, int offset, int length) throws IOException {
        body.write(bytes, offset, length);
        bodyCrc.update(bytes, offset, length);
        position += length;
    }

    @Override
    public void close() throws IOException {
        if (!finished) {
            body.flush();
        }
        channel.close();
    }
}
