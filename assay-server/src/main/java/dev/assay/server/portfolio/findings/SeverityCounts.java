package dev.assay.server.portfolio.findings;

import java.util.Locale;

/** Open, unsuppressed findings by severity: the REST {@code findings} object. */
public record SeverityCounts(int critical, int high, int medium, int low, int unknown) {
    public static final SeverityCounts NONE = new SeverityCounts(0, 0, 0, 0, 0);

    public int total() {
        return critical + high + medium + low + unknown;
    }

    /** One more finding of this stored severity (lower case; anything unrecognised counts as unknown). */
    public SeverityCounts plus(String severity) {
        return switch (severity.toLowerCase(Locale.ROOT)) {
            case "critical" -> new SeverityCounts(critical + 1, high, medium, low, unknown);
            case "high" -> new SeverityCounts(critical, high + 1, medium, low, unknown);
            case "medium" -> new SeverityCounts(critical, high, medium + 1, low, unknown);
            case "low" -> new SeverityCounts(critical, high, medium, low + 1, unknown);
            default -> new SeverityCounts(critical, high, medium, low, unknown + 1);
        };
    }
}
