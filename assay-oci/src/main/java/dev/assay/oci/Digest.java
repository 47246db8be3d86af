package dev.assay.oci;

import dev.assay.model.InvalidInputException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A content digest such as {@code sha256:9f86d0...}. Only sha256 and sha512 are accepted: they are the
 * algorithms the OCI image specification registers, and accepting anything else would let an image name
 * a digest Assay cannot verify.
 */
public record Digest(String algorithm, String hex) implements Comparable<Digest> {
    private static final Pattern SHA256 = Pattern.compile("[a-f0-9]{64}");
    private static final Pattern SHA512 = Pattern.compile("[a-f0-9]{128}");

    public Digest {
        boolean valid = switch (algorithm) {
            case "sha256" -> SHA256.matcher(hex).matches();
            case "sha512" -> SHA512.matcher(hex).matches();
            default -> false;
        };
        if (!valid) {
            throw new InvalidInputException("not a valid digest: " + algorithm + ":" + hex, algorithm + ":" + hex);
        }
    }

    public static Digest parse(String digest) {
        if (digest == null) {
            throw new InvalidInputException("missing digest", null);
        }
        int colon = digest.indexOf(':');
        if (colon <= 0) {
            throw new InvalidInputException("not a valid digest: " + digest, digest);
        }
        return new Digest(digest.substring(0, colon), digest.substring(colon + 1));
    }

    public static Digest sha256(byte[] content) {
        MessageDigest messageDigest = newMessageDigest("sha256");
        return new Digest("sha256", HexFormat.of().formatHex(messageDigest.digest(content)));
    }

    static Digest of(String algorithm, MessageDigest finished) {
        return new Digest(algorithm, HexFormat.of().formatHex(finished.digest()));
    }

    /** A fresh hasher for this digest's algorithm. */
    public MessageDigest newMessageDigest() {
        return newMessageDigest(algorithm);
    }

    static MessageDigest newMessageDigest(String algorithm) {
        try {
            return MessageDigest.getInstance(algorithm.toUpperCase(Locale.ROOT).replace("SHA", "SHA-"));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK lacks " + algorithm, e);
        }
    }

    /** Whether this digest matches some bytes, comparing in constant time. */
    public boolean matches(byte[] content) {
        MessageDigest messageDigest = newMessageDigest();
        return MessageDigest.isEqual(
                messageDigest.digest(content), HexFormat.of().parseHex(hex));
    }

    @Override
    public int compareTo(Digest other) {
        return toString().compareTo(other.toString());
    }

    @Override
    public String toString() {
        return algorithm + ":" + hex;
    }
}
