package dev.assay.oci;

import dev.assay.model.InputTooLargeException;
import dev.assay.model.InvalidInputException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;

/**
 * Passes a blob through while hashing it, and fails when the blob ends: if its digest is not the one it
 * was addressed by, or its length is not the declared size. It also refuses to deliver a single byte past
 * the declared size, so a blob that lies about its length cannot fill the disk first.
 */
final class VerifiedInputStream extends FilterInputStream {
    private final Digest expected;
    private final long expectedSize;
    private final String name;
    private final MessageDigest hasher;
    private long count;
    private boolean verified;

    /**
     * @param expectedSize the declared size, or -1 when only the digest is known
     */
    VerifiedInputStream(InputStream input, Digest expected, long expectedSize, String name) {
        super(input);
        this.expected = expected;
        this.expectedSize = expectedSize;
        this.name = name;
        this.hasher = expected.newMessageDigest();
    }

    @Override
    public int read() throws IOException {
        byte[] single = new byte[1];
        int read = read(single, 0, 1);
        return read == -1 ? -1 : single[0] & 0xff;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int read = super.read(buffer, offset, length);
        if (read == -1) {
            verify();
            return -1;
        }
        count += read;
        if (expectedSize >= 0 && count > expectedSize) {
            throw new InputTooLargeException(
                    name + " is longer than its declared size of " + expectedSize + " bytes", name);
        }
        hasher.update(buffer, offset, read);
        return read;
    }

    @Override
    public long skip(long n) throws IOException {
        // Skipping would leave bytes unhashed; read them instead.
        byte[] buffer = new byte[8192];
        long skipped = 0;
        while (skipped < n) {
            int read = read(buffer, 0, (int) Math.min(buffer.length, n - skipped));
            if (read == -1) {
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

    /** Reads to the end, so the digest covers the whole blob even when the consumer stopped early. */
    void drainAndVerify() throws IOException {
        byte[] buffer = new byte[65536];
        while (read(buffer, 0, buffer.length) != -1) {
            // reading is the point
        }
    }

    long count() {
        return count;
    }

    private void verify() {
        if (verified) {
            return;
        }
        verified = true;
        if (expectedSize >= 0 && count != expectedSize) {
            throw new InvalidInputException(
                    name + " is truncated: " + count + " of " + expectedSize + " declared bytes", name);
        }
        Digest actual = Digest.of(expected.algorithm(), hasher);
        if (!actual.equals(expected)) {
            throw new InvalidInputException(
                    name + " does not match its digest: expected " + expected + ", found " + actual,
                    name,
                    "the image is corrupt or was tampered with",
                    null);
        }
    }
}
