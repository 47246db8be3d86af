package dev.assay.report;

import dev.assay.model.Finding;
import dev.assay.model.ScanResult;
import dev.assay.model.Severity;
import dev.assay.model.SuppressedFinding;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The counts a report summary gives: findings per severity (suppressed ones excluded, as gates exclude
 * them), how many are known to be exploited, how many have a fix, and how many VEX set aside.
 */
record SeverityCounts(Map<Severity, Integer> bySeverity, int total, int knownExploited, int fixable, int suppressed) {
    /** Suppressed findings in the same order as findings: worst first, then id, then purl. */
    static final Comparator<SuppressedFinding> SUPPRESSED_ORDER = Comparator.comparing(
                    SuppressedFinding::finding, ScanResult.ORDER)
            .thenComparing(suppressed -> suppressed.status().name())
            .thenComparing(SuppressedFinding::vexSource);

    SeverityCounts {
        bySeverity = Map.copyOf(bySeverity);
    }

    static SeverityCounts of(ScanResult result) {
        EnumMap<Severity, Integer> bySeverity = new EnumMap<>(Severity.class);
        for (Severity severity : Severity.values()) {
            bySeverity.put(severity, 0);
        }
        int knownExploited = 0;
        int fixable = 0;
        for (Finding finding : result.findings()) {
            bySeverity.merge(finding.severity(), 1, Integer::sum);
            knownExploited += finding.kev() ? 1 : 0;
            fixable += finding.hasFix() ? 1 : 0;
        }
        return new SeverityCounts(
                bySeverity,
                result.findings().size(),
                knownExploited,
                fixable,
                result.suppressed().size());
    }

    int count(Severity severity) {
        return bySeverity.getOrDefault(severity, 0);
    }

    static List<SuppressedFinding> suppressedInOrder(ScanResult result) {
        return result.suppressed().stream().sorted(SUPPRESSED_ORDER).toList();
    }
}
