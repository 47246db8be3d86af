package dev.assay.server.portfolio.api;

import java.util.Locale;

/** Findings by severity; a severity the API does not know is counted as unknown rather than dropped. */
public record SeverityCounts(long critical, long high, long medium, long low, long unknown) {
    public static final SeverityCounts NONE = new SeverityCounts(0, 0, 0, 0, 0);

    SeverityCounts plus(String severity, long count) {
        return switch (severity == null ? "" : severity.toLowerCase(Locale.ROOT)) {
            case "critical" -> new SeverityCounts(critical + count, high, medium, low, unknown);
            case "high" -> new SeverityCounts(critical, high + count, medium, low, unknown);
            case "medium", "moderate" -> new SeverityCounts(critical, high, medium + count, low, unknown);
            case "low" -> new SeverityCounts(critical, high, medium, low + count, unknown);
            default -> new SeverityCounts(critical, high, medium, low, unknown + count);
        };
    }
}
