package dev.assay.server.portfolio.triage;

import java.time.Instant;

/**
 * The triage analysis in effect for a finding: the most specific decision that applies to it (finding,
 * then project, then purl), the newest within that scope. The REST {@code analysis} object.
 *
 * @param decisionId the decision it comes from
 * @param justification null unless the state is not_affected
 */
public record Analysis(
        long decisionId,
        AnalysisState state,
        Justification justification,
        String comment,
        String author,
        Instant at,
        TriageScope scope) {

    /** Suppressed findings are not counted, gated or notified: not affected, or already fixed. */
    public boolean suppressed() {
        return state.suppresses();
    }
}
