package dev.assay.sbom;

import dev.assay.model.InvalidInputException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;

/**
 * Identifiers and timestamps for reproducible output. The serial number and document namespace are a
 * name-based UUID (RFC 9562 version 5) of a digest of the content without its timestamp, so the same
 * inventory gives the same identifiers on every machine; the timestamp follows the reproducible-builds
 * {@code SOURCE_DATE_EPOCH} convention.
 */
final class DeterministicIds {
    static final String SOURCE_DATE_EPOCH = "SOURCE_DATE_EPOCH";

    /** Assay's own namespace for version 5 UUIDs (itself a fixed random UUID). */
    private static final UUID NAMESPACE = UUID.fromString("6b1f6a5e-4a0e-4c52-9a55-1f3c7d0f2b9e");

    private DeterministicIds() {}

    /** {@code SOURCE_DATE_EPOCH} (seconds since the epoch) when set, else 1970-01-01T00:00:00Z. */
    static Instant timestamp(Map<String, String> environment) {
        String epoch = environment.get(SOURCE_DATE_EPOCH);
        if (epoch == null || epoch.isBlank()) {
            return Instant.EPOCH;
        }
        try {
            long seconds = Long.parseLong(epoch.strip());
            if (seconds < 0 || seconds > 253_402_300_799L) {
                throw new NumberFormatException("out of range");
            }
            return Instant.ofEpochSecond(seconds);
        } catch (NumberFormatException e) {
            // reproducible-builds.org asks tools to fail on a malformed value rather than guess.
            throw new InvalidInputException(
                    SOURCE_DATE_EPOCH + " must be a whole number of seconds since 1970-01-01, not '" + epoch + "'",
                    SOURCE_DATE_EPOCH,
                    e);
        }
    }

    static UUID nameBasedUuid(String name) {
        MessageDigest sha1 = digest("SHA-1");
        ByteBuffer namespace = ByteBuffer.allocate(16);
        namespace.putLong(NAMESPACE.getMostSignificantBits()).putLong(NAMESPACE.getLeastSignificantBits());
        sha1.update(namespace.array());
        byte[] hash = sha1.digest(name.getBytes(StandardCharsets.UTF_8));
        hash[6] = (byte) ((hash[6] & 0x0f) | 0x50);
        hash[8] = (byte) ((hash[8] & 0x3f) | 0x80);
        ByteBuffer bytes = ByteBuffer.wrap(hash, 0, 16);
        return new UUID(bytes.getLong(), bytes.getLong());
    }

    static String sha256Hex(String text) {
        return HexFormat.of().formatHex(digest("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    static MessageDigest sha256() {
        return digest("SHA-256");
    }

    private static MessageDigest digest(String algorithm) {
        try {
            return MessageDigest.getInstance(algorithm);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(algorithm + " is required of every Java runtime", e);
        }
    }
}
