package dev.assay.sigstore;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Locale;
import java.util.Optional;

/** The hash functions Sigstore bundles and log entries name, under their several spellings. */
enum DigestAlgorithm {
    SHA2_256("SHA-256", "sha256"),
    SHA2_384("SHA-384", "sha384"),
    SHA2_512("SHA-512", "sha512");

    private final String jcaName;
    private final String rekorName;

    DigestAlgorithm(String jcaName, String rekorName) {
        this.jcaName = jcaName;
        this.rekorName = rekorName;
    }

    /** The bundle's protobuf enum name ({@code SHA2_256}) or Rekor v1's lower-case name ({@code sha256}). */
    static Optional<DigestAlgorithm> named(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        for (DigestAlgorithm algorithm : values()) {
            if (algorithm.name().equals(name) || algorithm.rekorName.equals(lower)) {
                return Optional.of(algorithm);
            }
        }
        return Optional.empty();
    }

    String label() {
        return rekorName;
    }

    /** The suffix of the JCA signature names, as in {@code SHA384withECDSA}. */
    String signaturePrefix() {
        return jcaName.replace("-", "");
    }

    MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance(jcaName);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(jcaName + " is missing from this JDK", e);
        }
    }

    byte[] digest(byte[] data) {
        return newDigest().digest(data);
    }
}
