package dev.assay.match.composer;

import dev.assay.match.internal.Identification;
import dev.assay.match.internal.OsvEcosystemMatcher;
import dev.assay.match.internal.OsvMatcher;
import dev.assay.match.internal.OsvQuery;
import dev.assay.model.Component;
import dev.assay.model.PackageType;

/** PHP Composer packages: OSV ecosystem {@code Packagist}, package {@code vendor/name}. */
public final class ComposerMatcher extends OsvEcosystemMatcher {
    public static final String ID = "composer-matcher";
    static final String ECOSYSTEM = "Packagist";

    public ComposerMatcher() {
        super(ID, PackageType.COMPOSER, OsvMatcher.forEcosystem(ID, ECOSYSTEM));
    }

    @Override
    protected Identification identify(Component component) {
        String vendor = component.purl().namespace().orElse("");
        if (vendor.isBlank()) {
            return Identification.unidentified("composer purl " + component.purl() + " has no vendor");
        }
        String name = vendor + "/" + component.purl().name();
        return Identification.of(OsvQuery.anyRelease(ECOSYSTEM, name, version(component)));
    }
}
