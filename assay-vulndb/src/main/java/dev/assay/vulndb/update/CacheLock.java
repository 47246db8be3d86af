package dev.assay.vulndb.update;

import dev.assay.model.NoVerdictException;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Exclusive use of a download cache for one run. Two updates writing the same {@code .part} file would
 * corrupt each other's download; the second one is refused instead of waiting for an unknown time.
 */
final class CacheLock implements AutoCloseable {
    static final String FILE_NAME = "update.lock";

    private final FileChannel channel;
    private final FileLock lock;

    private CacheLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    static CacheLock acquire(Path cacheDirectory) throws IOException {
        Path file = cacheDirectory.resolve(FILE_NAME);
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null;
        } catch (IOException e) {
            channel.close();
            throw e;
        }
        if (lock == null) {
            channel.close();
            throw new NoVerdictException(
                    "another advisory database update is using " + cacheDirectory,
                    cacheDirectory.toString(),
                    "wait for it to finish, or use a different cache directory",
                    null);
        }
        return new CacheLock(channel, lock);
    }

    @Override
    public void close() throws IOException {
        try {
            lock.release();
        } finally {
            channel.close();
        }
    }
}
