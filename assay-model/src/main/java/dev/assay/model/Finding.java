package dev.assay.model;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One vulnerability in one component, with the evidence for it. The unit every report renders, every gate
 * counts and every VEX statement suppresses.
 *
 * @param fixedVersions versions that fix it, lowest first; empty when no fix is published
 * @param matches one entry per advisory record that matched (records merged through their aliases)
 * @param dependencyPath the components from a direct dependency down to this one (this one last); a single
 *     element when it is itself direct; empty when the inventory has no graph
 * @param kev whether the vulnerability is in CISA's Known Exploited Vulnerabilities catalog
 * @param epss the EPSS score of the vulnerability, or null when none is known
 */
public record Finding(
        Vulnerability vulnerability,
        Component component,
        Severity severity,
        List<String> fixedVersions,
        List<MatchEvidence> matches,
        List<Purl> dependencyPath,
        boolean kev,
        EpssScore epss) {
    public Finding {
        Objects.requireNonNull(vulnerability, "vulnerability");
        Objects.requireNonNull(component, "component");
        Objects.requireNonNull(severity, "severity");
        fixedVersions = List.copyOf(fixedVersions);
        matches = List.copyOf(matches);
        dependencyPath = List.copyOf(dependencyPath);
    }

    public Optional<EpssScore> epssScore() {
        return Optional.ofNullable(epss);
    }

    public boolean hasFix() {
        return !fixedVersions.isEmpty();
    }

    /** Direct when the path has this component alone; transitive when it has more; unknown when empty. */
    public boolean isDirect() {
        return dependencyPath.size() == 1;
    }
}
