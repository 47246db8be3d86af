package dev.assay.match.internal;

import java.util.Objects;

/**
 * One lookup of a component in the advisory store, in OSV terms.
 *
 * @param ecosystem the OSV ecosystem without release ({@code Maven}, {@code Debian})
 * @param packageName the OSV package name ({@code org.apache.logging.log4j:log4j-core}, the Debian source
 *     package)
 * @param version the version to test, in the form the ecosystem's advisories write it (the Debian source
 *     version, a Go version without its {@code v})
 */
public record OsvQuery(String ecosystem, String packageName, String version, ReleaseScope release) {
    public OsvQuery {
        Objects.requireNonNull(ecosystem, "ecosystem");
        Objects.requireNonNull(packageName, "packageName");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(release, "release");
    }

    public static OsvQuery anyRelease(String ecosystem, String packageName, String version) {
        return new OsvQuery(ecosystem, packageName, version, ReleaseScope.any());
    }
}
