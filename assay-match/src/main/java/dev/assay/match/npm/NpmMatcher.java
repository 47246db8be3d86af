package dev.assay.match.npm;

import dev.assay.match.internal.Identification;
import dev.assay.match.internal.OsvEcosystemMatcher;
import dev.assay.match.internal.OsvMatcher;
import dev.assay.match.internal.OsvQuery;
import dev.assay.model.Component;
import dev.assay.model.PackageType;

/** npm packages: OSV ecosystem {@code npm}, a scoped package as {@code @scope/name}, semver order. */
public final class NpmMatcher extends OsvEcosystemMatcher {
    public static final String ID = "npm-matcher";
    static final String ECOSYSTEM = "npm";

    public NpmMatcher() {
        super(ID, PackageType.NPM, OsvMatcher.forEcosystem(ID, ECOSYSTEM));
    }

    @Override
    protected Identification identify(Component component) {
        return Identification.of(OsvQuery.anyRelease(ECOSYSTEM, packageName(component), version(component)));
    }

    /** The purl namespace is the scope; it carries its {@code @} in purls, but not always in hand-written ones. */
    static String packageName(Component component) {
        String name = component.purl().name();
        String scope = component.purl().namespace().orElse("");
        if (scope.isBlank()) {
            return name;
        }
        return (scope.startsWith("@") ? scope : "@" + scope) + "/" + name;
    }
}
