package dev.assay.match.gem;

import dev.assay.match.internal.Identification;
import dev.assay.match.internal.OsvEcosystemMatcher;
import dev.assay.match.internal.OsvMatcher;
import dev.assay.match.internal.OsvQuery;
import dev.assay.model.Component;
import dev.assay.model.PackageType;

/** Ruby gems: OSV ecosystem {@code RubyGems}, RubyGems version order. */
public final class GemMatcher extends OsvEcosystemMatcher {
    public static final String ID = "gem-matcher";
    static final String ECOSYSTEM = "RubyGems";

    public GemMatcher() {
        super(ID, PackageType.GEM, OsvMatcher.forEcosystem(ID, ECOSYSTEM));
    }

    @Override
    protected Identification identify(Component component) {
        return Identification.of(OsvQuery.anyRelease(ECOSYSTEM, component.purl().name(), version(component)));
    }
}
