package dev.assay.oci;

import com.github.luben.zstd.ZstdInputStream;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.GZIPInputStream;

/**
 * Layer and archive compression, decided by magic bytes. Media types are only a claim: registries and
 * tools have shipped gzip layers labelled as plain tar and the reverse, so the bytes decide.
 */
enum Compression {
    NONE,
    GZIP,
    ZSTD;

    private static final int BUFFER = 64 * 1024;

    /** Peeks at the first bytes of a stream that supports mark/reset. */
    static Compression detect(BufferedInputStream input) throws IOException {
        input.mark(4);
        byte[] magic = input.readNBytes(4);
        input.reset();
        if (magic.length >= 2 && (magic[0] & 0xff) == 0x1f && (magic[1] & 0xff) == 0x8b) {
            return GZIP;
        }
        if (magic.length == 4
                && (magic[0] & 0xff) == 0x28
                && (magic[1] & 0xff) == 0xb5
                && (magic[2] & 0xff) == 0x2f
                && (magic[3] & 0xff) == 0xfd) {
            return ZSTD;
        }
        return NONE;
    }

    /** Wraps a raw stream (buffered here) in the decompressor its magic bytes call for. */
    static InputStream decompressing(InputStream raw) throws IOException {
        BufferedInputStream buffered =
                raw instanceof BufferedInputStream existing ? existing : new BufferedInputStream(raw, BUFFER);
        return switch (detect(buffered)) {
            case GZIP -> new GZIPInputStream(buffered, BUFFER);
            case ZSTD -> new BufferedInputStream(new ZstdInputStream(buffered), BUFFER);
            case NONE -> buffered;
        };
    }
}
