package dev.assay.server.portfolio.query;

import java.util.List;

/**
 * The answer to an impact query, in the shape of the {@code /api/v1/impact} JSON.
 *
 * @param affected ordered by project, version, then component purl
 * @param truncated whether more components were affected than {@link ImpactLimits#maxAffected()} allows
 *     to list; the list then holds the first ones in that order
 * @param unorderedVersions stored versions of the package that the ecosystem's version order cannot read,
 *     so the range can neither include nor exclude them: shown, not silently dropped
 * @param tookMs time spent answering, in milliseconds
 */
public record ImpactReport(
        ImpactQuery query, List<Affected> affected, boolean truncated, List<String> unorderedVersions, long tookMs) {
    public ImpactReport {
        affected = List.copyOf(affected);
        unorderedVersions = List.copyOf(unorderedVersions);
    }
}
