package dev.assay.match;

import dev.assay.model.Finding;
import java.util.List;

/**
 * The result of matching one inventory.
 *
 * @param findings one per vulnerability and component, in {@link dev.assay.model.ScanResult#ORDER}
 * @param unchecked the components that were not compared with any advisory, in purl order
 * @param checkedComponents how many components were compared with their ecosystem's advisories
 */
public record MatchReport(List<Finding> findings, List<UncheckedComponent> unchecked, int checkedComponents) {
    public MatchReport {
        findings = List.copyOf(findings);
        unchecked = List.copyOf(unchecked);
    }
}
