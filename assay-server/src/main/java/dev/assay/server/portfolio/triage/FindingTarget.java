package dev.assay.server.portfolio.triage;

import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * What a decision is checked against: one finding's identity in the portfolio and every name of its
 * vulnerability (upper-cased: ids are compared without case, as people type them).
 *
 * @param purlType the purl type, whose version order a {@code vers:generic} range uses
 */
public record FindingTarget(
        long findingId,
        long versionId,
        long projectId,
        String purl,
        String purlBase,
        String purlType,
        String packageVersion,
        Set<String> vulnerabilityNames) {

    public FindingTarget {
        TreeSet<String> upper = new TreeSet<>();
        vulnerabilityNames.forEach(name -> upper.add(name.toUpperCase(Locale.ROOT)));
        vulnerabilityNames = Set.copyOf(upper);
    }

    boolean names(String vulnerability) {
        return vulnerabilityNames.contains(vulnerability.toUpperCase(Locale.ROOT));
    }
}
