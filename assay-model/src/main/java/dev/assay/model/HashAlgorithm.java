package dev.assay.model;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Digest algorithms as SBOM formats name them. */
public enum HashAlgorithm {
    MD5("MD5", "MD5"),
    SHA1("SHA-1", "SHA1"),
    SHA256("SHA-256", "SHA256"),
    SHA384("SHA-384", "SHA384"),
    SHA512("SHA-512", "SHA512"),
    SHA3_256("SHA3-256", "SHA3-256"),
    SHA3_512("SHA3-512", "SHA3-512"),
    BLAKE2B_256("BLAKE2b-256", "BLAKE2b-256"),
    BLAKE2B_512("BLAKE2b-512", "BLAKE2b-512"),
    BLAKE3("BLAKE3", "BLAKE3");

    private final String cycloneDxName;
    private final String spdxName;

    HashAlgorithm(String cycloneDxName, String spdxName) {
        this.cycloneDxName = cycloneDxName;
        this.spdxName = spdxName;
    }

    public String cycloneDxName() {
        return cycloneDxName;
    }

    public String spdxName() {
        return spdxName;
    }

    /** Every accepted spelling, without dashes or underscores and in upper case, to its algorithm. */
    private static final Map<String, HashAlgorithm> BY_NAME = byName();

    private static Map<String, HashAlgorithm> byName() {
        Map<String, HashAlgorithm> names = new HashMap<>();
        for (HashAlgorithm algorithm : values()) {
            names.putIfAbsent(normalized(algorithm.cycloneDxName), algorithm);
            names.putIfAbsent(normalized(algorithm.spdxName), algorithm);
        }
        return Map.copyOf(names);
    }

    private static String normalized(String name) {
        return name.replace("-", "").replace("_", "").toUpperCase(Locale.ROOT);
    }

    /** Accepts the CycloneDX, SPDX and lockfile spellings ({@code sha512}, {@code SHA-512}, {@code SHA512}). */
    public static Optional<HashAlgorithm> fromName(String name) {
        return Optional.ofNullable(BY_NAME.get(normalized(name)));
    }
}
