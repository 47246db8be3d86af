package dev.assay.catalog.golang;

import java.io.IOException;

/**
 * Reads bounded ranges of a file by position. Executables can be hundreds of megabytes; only their headers
 * and the few kilobytes of build info are ever read, never the whole file.
 */
interface PositionedReader {
    long size();

    /** Up to {@code length} bytes at {@code offset}; fewer (possibly none) past the end of the file. */
    byte[] read(long offset, int length) throws IOException;
}
