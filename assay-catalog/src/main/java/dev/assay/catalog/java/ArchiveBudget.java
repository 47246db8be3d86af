package dev.assay.catalog.java;

import dev.assay.model.untrusted.Limits;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.function.LongSupplier;
import org.apache.commons.compress.archivers.zip.ZipArchiveInputStream;

/**
 * What one top-level archive may cost, nested archives included: expanded bytes, entries and the
 * expansion ratio of each entry. Every byte inflated from an entry passes through {@link #meter}, so a
 * zip bomb is stopped while it expands, not after.
 */
final class ArchiveBudget {
    /** Below this many expanded bytes an entry's ratio is not judged: tiny files compress absurdly well. */
    private static final long RATIO_GRACE_BYTES = 1024 * 1024;

    private final Limits limits;
    private long expandedBytes;
    private long entries;

    ArchiveBudget(Limits limits) {
        this.limits = limits;
    }

    Limits limits() {
        return limits;
    }

    void countEntry(String where) {
        if (++entries > limits.maxArchiveEntries()) {
            throw new ArchiveLimitException(
                    where + " has more than " + limits.maxArchiveEntries() + " archive entries (limit)", where);
        }
    }

    /** Whether the sizes an entry declares up front already exceed the ratio limit. */
    boolean declaredRatioExceeded(long size, long compressedSize) {
        return size > RATIO_GRACE_BYTES && compressedSize > 0 && size / compressedSize > limits.maxCompressionRatio();
    }

    /**
     * The current entry of {@code zip}, counted against the budget. Closing it does not close the
     * archive stream.
     */
    InputStream meter(ZipArchiveInputStream zip, String where) {
        return meter(zip, zip::getCompressedCount, where);
    }

    /**
     * An entry stream counted against the budget; {@code compressedCount} tells how many compressed
     * bytes produced what was read so far (or the entry's declared compressed size).
     */
    InputStream meter(InputStream entry, LongSupplier compressedCount, String where) {
        return new FilterInputStream(entry) {
            private long entryBytes;

            @Override
            public int read() throws IOException {
                byte[] one = new byte[1];
                int read = read(one, 0, 1);
                return read < 0 ? -1 : one[0] & 0xff;
            }

            @Override
            public int read(byte[] buffer, int offset, int length) throws IOException {
                int read = entry.read(buffer, offset, length);
                if (read > 0) {
                    entryBytes += read;
                    expandedBytes += read;
                    check();
                }
                return read;
            }

            @Override
            public long skip(long count) throws IOException {
                byte[] buffer = new byte[8192];
                long skipped = 0;
                while (skipped < count) {
                    int read = read(buffer, 0, (int) Math.min(buffer.length, count - skipped));
                    if (read < 0) {
                        break;
                    }
                    skipped += read;
                }
                return skipped;
            }

            @Override
            public void close() {
                // the archive stream belongs to the caller
            }

            private void check() {
                if (expandedBytes > limits.maxExpandedBytes()) {
                    throw new ArchiveLimitException(
                            where + " expands past the limit of " + limits.maxExpandedBytes() + " bytes", where);
                }
                long compressed = Math.max(1, compressedCount.getAsLong());
                if (entryBytes > RATIO_GRACE_BYTES && entryBytes / compressed > limits.maxCompressionRatio()) {
                    throw new ArchiveLimitException(
                            where + " expands more than " + limits.maxCompressionRatio()
                                    + " times its compressed size (limit): likely a zip bomb",
                            where);
                }
            }
        };
    }

    /** Reads the rest of a stream, discarding it. */
    static void drain(InputStream input) throws IOException {
        byte[] buffer = new byte[16384];
        while (input.read(buffer) >= 0) {
            // discard
        }
    }
}
