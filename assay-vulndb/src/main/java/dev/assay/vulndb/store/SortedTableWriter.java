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
import java.util.Arrays;
import java.util.zip.CRC32C;

/**
 * Writes a {@link SortedTable}: entries arrive in strictly ascending unsigned byte order of their keys,
 * are streamed to disk, and the slot array (one int offset per entry, for binary search) follows them.
 *
 * <pre>
 * header (64 bytes, {@link StoreFormat.Header})
 * entries:  [varint key length][key bytes][varint value length][value bytes] ...
 * slots:    entry count x int, each an entry's offset from the start of the body
 * </pre>
 */
final class SortedTableWriter implements Closeable {
    private static final long MAX_BODY = Integer.MAX_VALUE;

    private final Path file;
    private final StoreFormat.Kind kind;
    private final FileChannel channel;
    private final OutputStream body;
    private final CRC32C crc = new CRC32C();
    private final ByteArrayEncoder scratch = new ByteArrayEncoder(256);
    private int[] slots = new int[1024];
    private int count;
    private long bodyLength;
    private byte[] previousKey;
    private boolean finished;

    SortedTableWriter(Path file, StoreFormat.Kind kind) throws IOException {
        this.file = file;
        this.kind = kind;
        this.channel = FileChannel.open(
                file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE, StandardOpenOption.READ);
        channel.write(ByteBuffer.allocate(StoreFormat.HEADER_BYTES), 0);
        channel.position(StoreFormat.HEADER_BYTES);
        this.body = new BufferedOutputStream(Channels.newOutputStream(channel), 1 << 16);
    }

    void add(byte[] key, byte[] value) throws IOException {
        if (previousKey != null && Arrays.compareUnsigned(previousKey, key) >= 0) {
            throw new IllegalArgumentException("keys out of order in " + file.getFileName());
        }
        previousKey = key;
        if (count == slots.length) {
            slots = Arrays.copyOf(slots, count * 2);
        }
        slots[count++] = (int) bodyLength;
        scratch.reset();
        scratch.writeLengthPrefixed(key);
        scratch.writeLengthPrefixed(value);
        writeBody(scratch.array(), scratch.size());
    }

    /** Writes the slots and the header and forces the file to disk; returns the file's length. */
    long finish() throws IOException {
        ByteArrayEncoder slotBytes = new ByteArrayEncoder(count * 4);
        for (int i = 0; i < count; i++) {
            slotBytes.writeInt(slots[i]);
        }
        writeBody(slotBytes.array(), slotBytes.size());
        body.flush();
        StoreFormat.Header header = new StoreFormat.Header(kind, count, bodyLength, 0, (int) crc.getValue());
        channel.write(header.encode(), 0);
        channel.force(true);
        finished = true;
        return StoreFormat.HEADER_BYTES + bodyLength;
    }

    private void writeBody(byte[] bytes, int length) throws IOException {
        if (bodyLength + length > MAX_BODY) {
            throw new IOException(file.getFileName() + " would exceed 2 GiB");
        }
        body.write(bytes, 0, length);
        crc.update(bytes, 0, length);
        bodyLength += length;
    }

    @Override
    public void close() throws IOException {
        if (!finished) {
            body.flush();
        }
        channel.close();
    }
}
