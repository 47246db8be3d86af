package dev.assay.server.portfolio.query;

import java.util.List;

/**
 * The question an impact report answers, as it was understood: either a package ({@code purl}, the
 * normalised package identity without version, and optionally {@code range}) or a vulnerability (the id
 * as given and the ids findings are recorded under that it resolved to). Fields of the other kind are
 * null, so the record maps directly to the JSON {@code query} object.
 *
 * @param purl the package asked for, as {@code pkg:type/namespace/name} (canonical form); null for a
 *     vulnerability query
 * @param range the {@code vers:} range, or the exact version when the purl carried one; null for all versions
 * @param vulnerability the id or alias asked for; null for a package query
 * @param vulnerabilityIds the ids the alias resolved to (empty for a package query)
 */
public record ImpactQuery(String purl, String range, String vulnerability, List<String> vulnerabilityIds) {
    public ImpactQuery {
        vulnerabilityIds = List.copyOf(vulnerabilityIds);
    }

    static ImpactQuery forPackage(String purl, String range) {
        return new ImpactQuery(purl, range, null, List.of());
    }

    static ImpactQuery forVulnerability(String vulnerability, List<String> ids) {
        return new ImpactQuery(null, null, vulnerability, ids);
    }
}
