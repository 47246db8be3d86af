package dev.assay.match.golang;

import dev.assay.match.internal.Identification;
import dev.assay.match.internal.OsvEcosystemMatcher;
import dev.assay.match.internal.OsvMatcher;
import dev.assay.match.internal.OsvQuery;
import dev.assay.model.Component;
import dev.assay.model.PackageType;
import java.util.Locale;

/**
 * Go modules: OSV ecosystem {@code Go}, package = the module path, semver order.
 *
 * <p>Module paths are case-sensitive ({@code github.com/BurntSushi/toml}), but packageurl-java lower-cases the
 * namespace of golang purls. Assay's Go catalogers keep the original case in the component's group (the
 * path up to the last slash) and name, so the module path is taken from them when they spell the purl's path
 * (ignoring case), and from the purl otherwise. Go versions carry a {@code v} that OSV's Go records leave
 * out ({@code v1.2.3} is {@code 1.2.3}); the standard library is {@code stdlib} in both.
 */
public final class GoMatcher extends OsvEcosystemMatcher {
    public static final String ID = "golang-matcher";
    static final String ECOSYSTEM = "Go";

    public GoMatcher() {
        super(ID, PackageType.GOLANG, OsvMatcher.forEcosystem(ID, ECOSYSTEM));
    }

    @Override
    protected Identification identify(Component component) {
        return Identification.of(OsvQuery.anyRelease(ECOSYSTEM, modulePath(component), osvVersion(version(component))));
    }

    static String modulePath(Component component) {
        String fromPurl =
                join(component.purl().namespace().orElse(""), component.purl().name());
        String fromComponent = join(component.group(), component.name());
        boolean sameModule = fromComponent.toLowerCase(Locale.ROOT).equals(fromPurl.toLowerCase(Locale.ROOT));
        return sameModule ? fromComponent : fromPurl;
    }

    /** {@code v1.2.3} as OSV writes it, {@code 1.2.3}; other spellings are left for the scheme to judge. */
    static String osvVersion(String version) {
        if (version.length() > 1 && version.charAt(0) == 'v' && Character.isDigit(version.charAt(1))) {
            return version.substring(1);
        }
        return version;
    }

    private static String join(String namespace, String name) {
        return namespace.isBlank() ? name : namespace + "/" + name;
    }
}
