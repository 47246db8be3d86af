package dev.assay.server.portfolio.query;

import java.util.List;

/**
 * One affected component in one project version, with what an operator needs to act: the version's
 * tags, the image digests built from it, and how the component got there.
 *
 * @param paths dependency paths as purls, each from a root of the version's graph (normally the SBOM's
 *     subject) down to the component, shortest first; a component nothing depends on is its own one-element
 *     path. Bounded by {@link ImpactLimits}.
 */
public record Affected(
        String project,
        String version,
        List<String> tags,
        List<String> imageDigests,
        AffectedComponent component,
        List<List<String>> paths) {
    public Affected {
        tags = List.copyOf(tags);
        imageDigests = List.copyOf(imageDigests);
        paths = paths.stream().map(List::copyOf).toList();
    }
}
