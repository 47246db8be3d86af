package dev.assay.server.portfolio.triage;

import dev.assay.model.InvalidInputException;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Why a vulnerability does not affect a product: the five OpenVEX (and CISA minimum requirements for VEX)
 * justifications, each with the CycloneDX 1.6 {@code analysis.justification} closest to it.
 */
public enum Justification {
    COMPONENT_NOT_PRESENT("code_not_present"),
    VULNERABLE_CODE_NOT_PRESENT("code_not_present"),
    VULNERABLE_CODE_NOT_IN_EXECUTE_PATH("code_not_reachable"),
    VULNERABLE_CODE_CANNOT_BE_CONTROLLED_BY_ADVERSARY("requires_environment"),
    INLINE_MITIGATIONS_ALREADY_EXIST("protected_by_mitigating_control");

    private final String cycloneDx;

    Justification(String cycloneDx) {
        this.cycloneDx = cycloneDx;
    }

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public String cycloneDxName() {
        return cycloneDx;
    }

    /** @throws InvalidInputException for anything but the five OpenVEX names */
    public static Justification parse(String value) {
        for (Justification justification : values()) {
            if (justification.wireName().equals(value.strip())) {
                return justification;
            }
        }
        throw new InvalidInputException(
                "unknown justification '" + value + "'; expected one of "
                        + Arrays.stream(values()).map(Justification::wireName).collect(Collectors.joining(", ")),
                "justification");
    }
}
