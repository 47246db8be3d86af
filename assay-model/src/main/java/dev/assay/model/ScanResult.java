package dev.assay.model;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * What {@code assay scan} found: the inventory it scanned, the findings (worst first), the findings VEX set
 * aside, and the database it used. Every output format renders this one value.
 */
public record ScanResult(
        Sbom sbom, List<Finding> findings, List<SuppressedFinding> suppressed, AdvisoryDatabaseSummary database) {
    /** Worst first, then by vulnerability id and purl, so that reports are stable. */
    public static final Comparator<Finding> ORDER = Comparator.comparing(Finding::severity)
            .thenComparing(finding -> finding.vulnerability().id())
            .thenComparing(finding -> finding.component().purl());

    public ScanResult {
        Objects.requireNonNull(sbom, "sbom");
        Objects.requireNonNull(database, "database");
        findings = findings.stream().sorted(ORDER).toList();
        suppressed = List.copyOf(suppressed);
    }
}
