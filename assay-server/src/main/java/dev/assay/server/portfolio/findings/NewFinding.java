package dev.assay.server.portfolio.findings;

import java.util.List;

/**
 * A finding that was not open before this match: never seen for this version and package, or seen,
 * resolved and found again. What notifications ({@code finding.new}) are made of.
 *
 * @param severity lower case: critical, high, medium, low, unknown
 * @param cvss the highest CVSS base score of the vulnerability, or null
 */
public record NewFinding(
        long findingId,
        String project,
        String version,
        String vulnerability,
        List<String> aliases,
        String severity,
        Double cvss,
        boolean kev,
        String purl) {
    public NewFinding {
        aliases = List.copyOf(aliases);
    }
}
