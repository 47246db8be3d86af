package dev.assay.match.vex;

import dev.assay.model.Finding;
import dev.assay.model.SuppressedFinding;
import java.util.List;

/**
 * Findings after VEX: the ones still reported, the ones a statement set aside, and what statements said about
 * the ones still reported.
 *
 * @param findings the findings no {@code not_affected} or {@code fixed} statement applies to, in input order
 * @param suppressed the findings moved aside, with the winning statement's status and reason
 * @param annotations the {@code affected} and {@code under_investigation} statements that won for a reported
 *     finding, so that reports can show that the supplier confirmed it or is looking at it
 */
public record VexResult(List<Finding> findings, List<SuppressedFinding> suppressed, List<VexAnnotation> annotations) {
    public VexResult {
        findings = List.copyOf(findings);
        suppressed = List.copyOf(suppressed);
        annotations = List.copyOf(annotations);
    }
}
