package dev.assay.sign.keys;

import dev.assay.model.InvalidInputException;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The key types Assay generates; ECDSA P-256 is the default, as in cosign. */
public enum KeyAlgorithm {
    ECDSA_P256("ecdsa-p256"),
    ED25519("ed25519"),
    RSA_3072("rsa-3072");

    private final String id;

    KeyAlgorithm(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    /** @throws InvalidInputException for any other name, listing the accepted ones */
    public static KeyAlgorithm fromId(String id) {
        String wanted = id == null ? "" : id.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(values())
                .filter(algorithm -> algorithm.id.equals(wanted))
                .findFirst()
                .orElseThrow(() -> new InvalidInputException(
                        "unknown key algorithm '" + id + "'; expected one of "
                                + Arrays.stream(values()).map(KeyAlgorithm::id).collect(Collectors.joining(", ")),
                        id));
    }
}
