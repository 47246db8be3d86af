package dev.assay.match.maven;

import dev.assay.match.internal.Identification;
import dev.assay.match.internal.OsvEcosystemMatcher;
import dev.assay.match.internal.OsvMatcher;
import dev.assay.match.internal.OsvQuery;
import dev.assay.model.Component;
import dev.assay.model.PackageType;

/** Maven artifacts: OSV ecosystem {@code Maven}, package {@code groupId:artifactId}, Maven version order. */
public final class MavenMatcher extends OsvEcosystemMatcher {
    public static final String ID = "maven-matcher";
    static final String ECOSYSTEM = "Maven";

    public MavenMatcher() {
        super(ID, PackageType.MAVEN, OsvMatcher.forEcosystem(ID, ECOSYSTEM));
    }

    @Override
    protected Identification identify(Component component) {
        String group = component.purl().namespace().orElse("");
        if (group.isBlank()) {
            return Identification.unidentified("maven purl " + component.purl() + " has no groupId");
        }
        return Identification.of(
                OsvQuery.anyRelease(ECOSYSTEM, group + ":" + component.purl().name(), version(component)));
    }
}
