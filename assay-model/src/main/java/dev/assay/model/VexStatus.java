package dev.assay.model;

import java.util.Locale;
import java.util.Optional;

/**
 * The analysis state a VEX statement gives a vulnerability in a product, in OpenVEX's words; CycloneDX
 * analysis states map onto them ({@code not_affected}, {@code resolved} -> fixed, {@code exploitable} ->
 * affected, {@code in_triage} -> under investigation).
 */
public enum VexStatus {
    NOT_AFFECTED,
    AFFECTED,
    FIXED,
    UNDER_INVESTIGATION;

    /** Whether a finding with this status leaves the findings for the suppressed list. */
    public boolean suppresses() {
        return this == NOT_AFFECTED || this == FIXED;
    }

    public String openVexName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<VexStatus> fromOpenVex(String status) {
        if (status == null) {
            return Optional.empty();
        }
        return switch (status.strip().toLowerCase(Locale.ROOT)) {
            case "not_affected" -> Optional.of(NOT_AFFECTED);
            case "affected" -> Optional.of(AFFECTED);
            case "fixed" -> Optional.of(FIXED);
            case "under_investigation" -> Optional.of(UNDER_INVESTIGATION);
            default -> Optional.empty();
        };
    }
}
