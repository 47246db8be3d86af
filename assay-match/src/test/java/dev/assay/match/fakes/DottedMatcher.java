package dev.assay.match.fakes;

import dev.assay.match.internal.Identification;
import dev.assay.match.internal.OsvEcosystemMatcher;
import dev.assay.match.internal.OsvMatcher;
import dev.assay.match.internal.OsvQuery;
import dev.assay.model.Component;
import dev.assay.model.PackageType;

/** A matcher for one purl type and OSV ecosystem that orders versions with {@link DottedVersionScheme}. */
public final class DottedMatcher extends OsvEcosystemMatcher {
    private final String ecosystem;

    public DottedMatcher(String id, PackageType type, String ecosystem) {
        super(id, type, new OsvMatcher(id, new DottedVersionScheme()));
        this.ecosystem = ecosystem;
    }

    @Override
    protected Identification identify(Component component) {
        return Identification.of(OsvQuery.anyRelease(ecosystem, component.purl().name(), version(component)));
    }
}
