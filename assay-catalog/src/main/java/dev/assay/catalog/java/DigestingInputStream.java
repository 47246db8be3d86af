package dev.assay.catalog.java;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.util.HexFormat;

/**
 * Computes SHA-1 and SHA-256 of everything read through it, in the same pass that reads the archive.
 * SHA-1 is what Maven Central indexes artifacts by, so it identifies a renamed or repackaged jar.
 * Skipping reads too, so the digests always cover every byte.
 */
final class DigestingInputStream extends FilterInputStream {
    private final MessageDigest sha1;
    private final MessageDigest sha256;

    DigestingInputStream(InputStream input) {
        super(input);
        sha1 = ArchiveDigest.algorithm("SHA-1");
        sha256 = ArchiveDigest.algorithm("SHA-256");
    }

    @Override
    public int read() throws IOException {
        int value = super.read();
        if (value >= 0) {
            sha1.update((byte) value);
            sha256.update((byte) value);
        }
        return value;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int read = super.read(buffer, offset, length);
        if (read > 0) {
            sha1.update(buffer, offset, read);
            sha256.update(buffer, offset, read);
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
    public boolean markSupported() {
        return false;
    }

    /** The digests of everything read so far; call once, at the end. */
    ArchiveDigest digest() {
        return new ArchiveDigest(
                HexFormat.of().formatHex(sha1.digest()), HexFormat.of().formatHex(sha256.digest()));
    }
}
