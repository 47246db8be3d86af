package dev.assay.model;

import java.util.Locale;
import java.util.Objects;

/** A digest of a component's artifact, hex-encoded in lower case. */
public record Hash(HashAlgorithm algorithm, String hex) implements Comparable<Hash> {
    public Hash {
        Objects.requireNonNull(algorithm, "algorithm");
        hex = hex.toLowerCase(Locale.ROOT);
        if (!isHex(hex)) {
            throw new InvalidInputException("hash value is not hexadecimal: " + hex, hex);
        }
    }

    // A loop, not String.matches: that compiles a pattern per call, and lockfiles carry a hash per package.
    private static boolean isHex(String text) {
        if (text.isEmpty()) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int compareTo(Hash other) {
        int byAlgorithm = algorithm.compareTo(other.algorithm);
        return byAlgorithm != 0 ? byAlgorithm : hex.compareTo(other.hex);
    }
}
