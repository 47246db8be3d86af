package dev.assay.model;

import java.util.Locale;
import java.util.Objects;

/** A digest of a component's artifact, hex-encoded in lower case. */
public record Hash(HashAlgorithm algorithm, String hex) implements Comparable<Hash> {
    public Hash {
        Objects.requireNonNull(algorithm, "algorithm");
        hex = hex.toLowerCase(Locale.ROOT);
        if (!hex.matches("[0-9a-f]+")) {
            throw new InvalidInputException("hash value is not hexadecimal: " + hex, hex);
        }
    }

    @Override
    public int compareTo(Hash other) {
        int byAlgorithm = algorithm.compareTo(other.algorithm);
        return byAlgorithm != 0 ? byAlgorithm : hex.compareTo(other.hex);
    }
}
