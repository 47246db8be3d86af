package dev.assay.server.portfolio.triage;

import java.time.Instant;

/**
 * A stored decision. Never changed once recorded, except that a later decision on the same vulnerability,
 * scope and target sets {@code supersededBy}.
 *
 * @param findingId for scope finding: the finding it was made on
 * @param project for scopes finding and project: the project's name
 * @param version for scope finding: the project version
 * @param purl for scope finding: the component's purl (with version); for scope purl: the package without version
 * @param range for scope purl: the vers range, or null for every version
 * @param justification null unless the state is not_affected
 * @param supersededBy the decision that replaced this one in the same scope and target, or null
 */
public record TriageDecision(
        long id,
        String vulnerability,
        TriageScope scope,
        Long findingId,
        String project,
        String version,
        String purl,
        String range,
        AnalysisState state,
        Justification justification,
        String comment,
        String author,
        Instant at,
        Long supersededBy) {

    /** The analysis this decision gives a finding it applies to. */
    public Analysis analysis() {
        return new Analysis(id, state, justification, comment, author, at, scope);
    }
}
