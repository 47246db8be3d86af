package dev.assay.vulndb.update;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.zip.CRC32C;

/**
 * SHA-256 (what Assay records), and MD5 and CRC32C (what Google Cloud Storage publishes) of a file,
 * computed in one pass over the completed file, so that a resumed download is checked as a whole.
 *
 * @param md5Hex lower-case hex
 * @param crc32c unsigned 32-bit value
 */
record FileDigests(long bytes, String sha256Hex, String md5Hex, long crc32c) {
    static FileDigests of(Path file) throws IOException {
        MessageDigest sha256 = digest("SHA-256");
        // MD5 only to compare with the server's own checksum; it is not used for any security decision
        // on its own, the CRC32C and the zip check run alongside it.
        MessageDigest md5 = digest("MD5");
        CRC32C crc32c = new CRC32C();
        long total = 0;
        byte[] buffer = new byte[64 * 1024];
        try (InputStream input = Files.newInputStream(file)) {
            int read;
            while ((read = input.read(buffer)) != -1) {
                sha256.update(buffer, 0, read);
                md5.update(buffer, 0, read);
                crc32c.update(buffer, 0, read);
                total += read;
            }
        }
        HexFormat hex = HexFormat.of();
        return new FileDigests(total, hex.formatHex(sha256.digest()), hex.formatHex(md5.digest()), crc32c.getValue());
    }

    private static MessageDigest digest(String algorithm) {
        try {
            return MessageDigest.getInstance(algorithm);
        } catch (NoSuchAlgorithmException e) {
            // Every Java platform must provide SHA-256 and MD5 (MessageDigest's documented requirement).
            throw new IllegalStateException(algorithm + " is not available", e);
        }
    }
}
