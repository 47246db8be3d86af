package dev.assay.match.nuget;

import dev.assay.match.internal.Identification;
import dev.assay.match.internal.OsvEcosystemMatcher;
import dev.assay.match.internal.OsvMatcher;
import dev.assay.match.internal.OsvQuery;
import dev.assay.model.Component;
import dev.assay.model.PackageType;

/** NuGet packages: OSV ecosystem {@code NuGet} (names compared without case), NuGet version order. */
public final class NuGetMatcher extends OsvEcosystemMatcher {
    public static final String ID = "nuget-matcher";
    static final String ECOSYSTEM = "NuGet";

    public NuGetMatcher() {
        super(ID, PackageType.NUGET, OsvMatcher.forEcosystem(ID, ECOSYSTEM));
    }

    @Override
    protected Identification identify(Component component) {
        return Identification.of(OsvQuery.anyRelease(ECOSYSTEM, component.purl().name(), version(component)));
    }
}
