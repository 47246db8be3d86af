package dev.assay.match.cargo;

import dev.assay.match.internal.Identification;
import dev.assay.match.internal.OsvEcosystemMatcher;
import dev.assay.match.internal.OsvMatcher;
import dev.assay.match.internal.OsvQuery;
import dev.assay.model.Component;
import dev.assay.model.PackageType;

/** Rust crates: OSV ecosystem {@code crates.io}, semver order. */
public final class CargoMatcher extends OsvEcosystemMatcher {
    public static final String ID = "cargo-matcher";
    static final String ECOSYSTEM = "crates.io";

    public CargoMatcher() {
        super(ID, PackageType.CARGO, OsvMatcher.forEcosystem(ID, ECOSYSTEM));
    }

    @Override
    protected Identification identify(Component component) {
        return Identification.of(OsvQuery.anyRelease(ECOSYSTEM, component.purl().name(), version(component)));
    }
}
