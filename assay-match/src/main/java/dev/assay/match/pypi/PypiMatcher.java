package dev.assay.match.pypi;

import dev.assay.match.internal.Identification;
import dev.assay.match.internal.OsvEcosystemMatcher;
import dev.assay.match.internal.OsvMatcher;
import dev.assay.match.internal.OsvQuery;
import dev.assay.model.Component;
import dev.assay.model.PackageType;

/**
 * Python distributions: OSV ecosystem {@code PyPI}, PEP 440 order. Names are compared after PEP 503
 * normalization on both sides ({@code Django}, {@code django} and {@code DJANGO} are one project).
 */
public final class PypiMatcher extends OsvEcosystemMatcher {
    public static final String ID = "pypi-matcher";
    static final String ECOSYSTEM = "PyPI";

    public PypiMatcher() {
        super(ID, PackageType.PYPI, OsvMatcher.forEcosystem(ID, ECOSYSTEM));
    }

    @Override
    protected Identification identify(Component component) {
        return Identification.of(OsvQuery.anyRelease(ECOSYSTEM, component.purl().name(), version(component)));
    }
}
