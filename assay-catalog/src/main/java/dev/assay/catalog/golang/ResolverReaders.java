package dev.assay.catalog.golang;

import dev.assay.catalog.source.DirectoryFileResolver;
import dev.assay.catalog.spi.FileResolver;
import dev.assay.model.Location;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.StandardOpenOption;

/** {@link PositionedReader}s over the files of a resolver. */
final class ResolverReaders {
    /** No single header or string read needs more; a bigger request is a bug or a hostile length. */
    static final int MAX_READ_BYTES = 16 * 1024 * 1024;

    private ResolverReaders() {}

    /** A reader that must be closed; positioned reads on a channel where the file is on disk. */
    static CloseableReader open(FileResolver files, Location location) throws IOException {
        long size = files.size(location);
        if (files instanceof DirectoryFileResolver directory) {
            FileChannel channel = FileChannel.open(directory.hostPath(location), StandardOpenOption.READ);
            return new ChannelReader(channel, size);
        }
        return new StreamReader(files, location, size);
    }

    interface CloseableReader extends PositionedReader, AutoCloseable {
        @Override
        void close() throws IOException;
    }

    private static int boundedLength(long size, long offset, int length) {
        if (length < 0 || length > MAX_READ_BYTES) {
            throw new IllegalArgumentException("refusing a read of " + length + " bytes");
        }
        if (offset < 0 || offset >= size) {
            return 0;
        }
        return (int) Math.min(length, size - offset);
    }

    private record ChannelReader(FileChannel channel, long size) implements CloseableReader {
        @Override
        public byte[] read(long offset, int length) throws IOException {
            int wanted = boundedLength(size, offset, length);
            ByteBuffer buffer = ByteBuffer.allocate(wanted);
            while (buffer.hasRemaining()) {
                int read = channel.read(buffer, offset + buffer.position());
                if (read < 0) {
                    break;
                }
            }
            byte[] bytes = new byte[buffer.position()];
            buffer.flip().get(bytes);
            return bytes;
        }

        @Override
        public void close() throws IOException {
            channel.close();
        }
    }

    /** For resolvers without a file on disk: reopens and skips for each read (a handful per binary). */
    private record StreamReader(FileResolver files, Location location, long size) implements CloseableReader {
        @Override
        public byte[] read(long offset, int length) throws IOException {
            int wanted = boundedLength(size, offset, length);
            if (wanted == 0) {
                return new byte[0];
            }
            try (InputStream stream = files.open(location)) {
                long skipped = stream.skip(offset);
                long remaining = offset - skipped;
                while (remaining > 0) {
                    long more = stream.skip(remaining);
                    if (more <= 0) {
                        if (stream.read() < 0) {
                            return new byte[0];
                        }
                        more = 1;
                    }
                    remaining -= more;
                }
                return stream.readNBytes(wanted);
            }
        }

        @Override
        public void close() {}
    }
}
