package dev.assay.model;

import java.util.Locale;
import java.util.Optional;

/**
 * How bad a vulnerability is, on the scale every peer tool and CI system understands. Ordered from the
 * worst: {@code CRITICAL.compareTo(LOW) < 0}. {@link #UNKNOWN} sorts last and never trips a
 * {@code --fail-on} gate on its own.
 */
public enum Severity {
    CRITICAL,
    HIGH,
    MEDIUM,
    LOW,
    UNKNOWN;

    /** The CVSS qualitative rating of a base score (CVSS v3.1 and v4.0 specification, section 5). */
    public static Severity fromScore(double score) {
        if (Double.isNaN(score) || score < 0) {
            return UNKNOWN;
        }
        if (score >= 9.0) {
            return CRITICAL;
        }
        if (score >= 7.0) {
            return HIGH;
        }
        if (score >= 4.0) {
            return MEDIUM;
        }
        // 0.0 is "None" in CVSS; a record that scores it is still a published vulnerability, so it is
        // reported at the lowest label rather than hidden.
        return LOW;
    }

    /**
     * A label as advisory databases write it: {@code critical}, {@code HIGH}, {@code moderate} (GitHub),
     * {@code important} (Red Hat), {@code negligible}/{@code unimportant} (Debian, Ubuntu).
     */
    public static Optional<Severity> fromLabel(String label) {
        if (label == null) {
            return Optional.empty();
        }
        return switch (label.strip().toLowerCase(Locale.ROOT)) {
            case "critical" -> Optional.of(CRITICAL);
            case "high", "important" -> Optional.of(HIGH);
            case "medium", "moderate" -> Optional.of(MEDIUM);
            case "low", "negligible", "unimportant", "none" -> Optional.of(LOW);
            case "unknown" -> Optional.of(UNKNOWN);
            default -> Optional.empty();
        };
    }

    /** Whether this is as bad as {@code threshold} or worse; {@link #UNKNOWN} is never at a threshold. */
    public boolean atLeast(Severity threshold) {
        return this != UNKNOWN && compareTo(threshold) <= 0;
    }
}
