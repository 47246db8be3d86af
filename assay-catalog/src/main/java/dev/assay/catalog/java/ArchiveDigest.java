package dev.assay.catalog.java;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The SHA-1 and SHA-256 of one archive's bytes. SHA-1 is what Maven Central indexes artifacts by, so it
 * identifies a renamed or repackaged jar.
 */
record ArchiveDigest(String sha1, String sha256) {
    static ArchiveDigest of(byte[] archive) {
        MessageDigest sha1 = algorithm("SHA-1");
        MessageDigest sha256 = algorithm("SHA-256");
        return new ArchiveDigest(
                HexFormat.of().formatHex(sha1.digest(archive)), HexFormat.of().formatHex(sha256.digest(archive)));
    }

    static MessageDigest algorithm(String name) {
        try {
            return MessageDigest.getInstance(name);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK lacks " + name, e);
        }
    }
}
