package dev.assay.match.apk;

import dev.assay.match.internal.DistroPackage;
import dev.assay.match.internal.Identification;
import dev.assay.match.internal.OsvEcosystemMatcher;
import dev.assay.match.internal.OsvMatcher;
import dev.assay.match.internal.OsvQuery;
import dev.assay.match.internal.ReleaseScope;
import dev.assay.model.Component;
import dev.assay.model.PackageType;

/**
 * Alpine, Wolfi and Chainguard packages (apk). Alpine's records are keyed by origin (source) package and
 * scoped to a release branch, {@code Alpine:v3.19} for any 3.19.x; Wolfi and Chainguard are rolling and have
 * no release. The origin comes from {@code assay:source-package} or the purl's {@code upstream} qualifier.
 */
public final class ApkMatcher extends OsvEcosystemMatcher {
    public static final String ID = "apk-matcher";
    static final String ALPINE = "Alpine";
    static final String WOLFI = "Wolfi";
    static final String CHAINGUARD = "Chainguard";

    public ApkMatcher() {
        super(ID, PackageType.APK, OsvMatcher.forEcosystem(ID, ALPINE));
    }

    @Override
    protected Identification identify(Component component) {
        DistroPackage distro = DistroPackage.of(component);
        String origin = DistroPackage.sourceName(component);
        String version = version(component);
        return switch (distro.id()) {
            case "alpine" -> {
                String branch = alpineBranch(distro.release());
                yield branch.isEmpty()
                        ? Identification.unidentified(
                                "Alpine package " + component.purl().name()
                                        + " has no release branch (distro qualifier); Alpine advisories are per branch")
                        : Identification.of(
                                new OsvQuery(ALPINE, origin, version, ReleaseScope.exactly(ALPINE, branch)));
            }
            case "wolfi" -> Identification.of(OsvQuery.anyRelease(WOLFI, origin, version));
            case "chainguard" -> Identification.of(OsvQuery.anyRelease(CHAINGUARD, origin, version));
            default -> Identification.unidentified("no advisory ecosystem for apk distribution '" + distro.id() + "'");
        };
    }

    /** {@code 3.19.1} is branch {@code v3.19}; anything that does not start with major.minor has none. */
    static String alpineBranch(String release) {
        int firstDot = release.indexOf('.');
        if (firstDot <= 0 || !allDigits(release, 0, firstDot)) {
            return "";
        }
        int end = firstDot + 1;
        while (end < release.length() && Character.isDigit(release.charAt(end))) {
            end++;
        }
        return end == firstDot + 1 ? "" : "v" + release.substring(0, end);
    }

    private static boolean allDigits(String text, int from, int to) {
        for (int index = from; index < to; index++) {
            if (!Character.isDigit(text.charAt(index))) {
                return false;
            }
        }
        return true;
    }
}
