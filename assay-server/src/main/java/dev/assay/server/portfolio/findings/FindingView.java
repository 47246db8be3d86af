package dev.assay.server.portfolio.findings;

import dev.assay.server.portfolio.triage.Analysis;
import java.time.Instant;
import java.util.List;

/**
 * One finding of a version as the findings list shows it (the REST contract's finding object).
 *
 * @param severity lower case
 * @param cvss highest CVSS base score, or null
 * @param epss EPSS probability, or null
 * @param paths dependency paths from the version's subject (or a root) down to the component, each a list of
 *     purls ending with the component's; bounded in number and length
 * @param analysis the triage analysis in effect, or null
 * @param suppressed whether the analysis is not_affected or fixed
 * @param state open, or resolved when a later match no longer found it
 */
public record FindingView(
        long id,
        String vulnerability,
        List<String> aliases,
        String severity,
        Double cvss,
        boolean kev,
        Double epss,
        String summary,
        ComponentRef component,
        List<String> fixedVersions,
        List<List<String>> paths,
        Analysis analysis,
        boolean suppressed,
        String state,
        Instant firstSeen) {

    public FindingView {
        aliases = List.copyOf(aliases);
        fixedVersions = List.copyOf(fixedVersions);
        paths = paths.stream().map(List::copyOf).toList();
    }

    /** The component a finding is in. */
    public record ComponentRef(long id, String purl, String name, String version) {}
}
