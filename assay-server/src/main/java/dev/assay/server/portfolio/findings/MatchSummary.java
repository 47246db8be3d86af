package dev.assay.server.portfolio.findings;

import java.util.List;

/**
 * What a match of stored components against an advisory store changed.
 *
 * @param componentsMatched component rows handed to the matcher (the subjects of SBOMs are never matched)
 * @param versions project versions touched
 * @param newFindings findings that were not open before, in project, version, package url, vulnerability order
 * @param openFindings findings these components have now
 * @param resolvedFindings findings that were open and are not found any more (the advisory changed or was
 *     withdrawn, or the component left the inventory)
 */
public record MatchSummary(
        int componentsMatched, int versions, List<NewFinding> newFindings, int openFindings, int resolvedFindings) {
    public MatchSummary {
        newFindings = List.copyOf(newFindings);
    }

    MatchSummary plus(MatchSummary other) {
        List<NewFinding> all = new java.util.ArrayList<>(newFindings);
        all.addAll(other.newFindings);
        return new MatchSummary(
                componentsMatched + other.componentsMatched,
                versions + other.versions,
                all,
                openFindings + other.openFindings,
                resolvedFindings + other.resolvedFindings);
    }

    static MatchSummary empty() {
        return new MatchSummary(0, 0, List.of(), 0, 0);
    }
}
