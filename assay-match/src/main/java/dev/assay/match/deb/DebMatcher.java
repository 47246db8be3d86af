package dev.assay.match.deb;

import dev.assay.match.internal.DistroPackage;
import dev.assay.match.internal.Identification;
import dev.assay.match.internal.OsvEcosystemMatcher;
import dev.assay.match.internal.OsvMatcher;
import dev.assay.match.internal.OsvQuery;
import dev.assay.match.internal.ReleaseScope;
import dev.assay.model.Component;
import dev.assay.model.PackageType;
import java.util.Map;

/**
 * Debian and Ubuntu packages. Their OSV records are keyed by <em>source</em> package and source version
 * (the DSA/DLA and USN feeds), scoped to one release: {@code Debian:12}, {@code Ubuntu:22.04:LTS}. The source
 * comes from the {@code assay:source-package}/{@code assay:source-version} properties or the purl's {@code
 * upstream} qualifier (a binNMU's binary version {@code 2.36-9+b1} is not what the advisories name), the
 * release from the {@code distro} qualifier. A package whose release is unknown is not checked: Debian 11
 * advisories must never be applied to a Debian 12 package, and guessing a release would do exactly that.
 *
 * <p>Ubuntu Pro (ESM) records ({@code Ubuntu:Pro:18.04:LTS}) name fixes only a Pro subscription installs and
 * are not applied; the standard release's records are.
 */
public final class DebMatcher extends OsvEcosystemMatcher {
    public static final String ID = "deb-matcher";
    static final String DEBIAN = "Debian";
    static final String UBUNTU = "Ubuntu";

    /** Codenames os-release gives instead of a number on testing and sid, and in older images. */
    private static final Map<String, String> DEBIAN_RELEASES = Map.of(
            "stretch", "9",
            "buster", "10",
            "bullseye", "11",
            "bookworm", "12",
            "trixie", "13",
            "forky", "14",
            "sid", "sid",
            "unstable", "sid");

    public DebMatcher() {
        super(ID, PackageType.DEB, OsvMatcher.forEcosystem(ID, DEBIAN));
    }

    @Override
    protected Identification identify(Component component) {
        DistroPackage distro = DistroPackage.of(component);
        String version = DistroPackage.sourceVersion(component).orElseGet(() -> binaryVersion(component));
        String source = DistroPackage.sourceName(component);
        return switch (distro.id()) {
            case "debian" -> {
                String release = debianRelease(distro.release());
                yield release.isEmpty()
                        ? Identification.unidentified(
                                "Debian package " + component.purl().name()
                                        + " has no release (distro qualifier); Debian advisories are per release")
                        : Identification.of(
                                new OsvQuery(DEBIAN, source, version, ReleaseScope.exactly(DEBIAN, release)));
            }
            case "ubuntu" ->
                distro.release().isEmpty()
                        ? Identification.unidentified(
                                "Ubuntu package " + component.purl().name()
                                        + " has no release (distro qualifier); Ubuntu advisories are per release")
                        : Identification.of(new OsvQuery(UBUNTU, source, version, ubuntu(distro.release())));
            default -> Identification.unidentified("no advisory ecosystem for deb distribution '" + distro.id() + "'");
        };
    }

    /** {@code 12}, {@code 12.5} and {@code bookworm} are all release {@code 12}. */
    static String debianRelease(String release) {
        String lower = release.strip();
        if (lower.isEmpty()) {
            return "";
        }
        if (Character.isDigit(lower.charAt(0))) {
            int dot = lower.indexOf('.');
            return dot < 0 ? lower : lower.substring(0, dot);
        }
        return DEBIAN_RELEASES.getOrDefault(lower, "");
    }

    /** {@code Ubuntu:22.04:LTS} and {@code Ubuntu:22.10} match their release; {@code Ubuntu:Pro:...} never. */
    static ReleaseScope ubuntu(String release) {
        return new ReleaseScope(UBUNTU + ":" + release, recordRelease -> {
            String bare = recordRelease.endsWith(":LTS")
                    ? recordRelease.substring(0, recordRelease.length() - ":LTS".length())
                    : recordRelease;
            return bare.equals(release);
        });
    }

    /** The binary version, with the epoch from an {@code epoch} qualifier when the version lacks one. */
    private static String binaryVersion(Component component) {
        String version = version(component);
        String epoch = component.purl().qualifiers().getOrDefault("epoch", "");
        return !epoch.isEmpty() && !version.isEmpty() && version.indexOf(':') < 0 ? epoch + ":" + version : version;
    }
}
