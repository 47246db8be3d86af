package dev.assay.match.spi;

import dev.assay.model.Advisory;
import dev.assay.model.Component;
import dev.assay.model.MatchEvidence;
import java.util.List;
import java.util.Objects;

/**
 * One advisory record that affects one component, before records naming the same vulnerability are merged
 * into a finding.
 *
 * @param fixedVersions the {@code fixed} events of the matched entry that lie above the component's
 *     version, lowest first
 */
public record Match(Advisory advisory, Component component, MatchEvidence evidence, List<String> fixedVersions) {
    public Match {
        Objects.requireNonNull(advisory, "advisory");
        Objects.requireNonNull(component, "component");
        Objects.requireNonNull(evidence, "evidence");
        fixedVersions = List.copyOf(fixedVersions);
    }
}
