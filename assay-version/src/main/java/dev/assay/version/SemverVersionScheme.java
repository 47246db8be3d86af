package dev.assay.version;

/**
 * SemVer 2.0.0 precedence (section 11): major, minor and patch by value, a pre-release before its release,
 * pre-release identifiers numeric-before-alphanumeric and field by field, build metadata ignored. The order
 * of npm, crates.io, Hex and Pub, and of every OSV {@code SEMVER} range outside Go. A leading {@code v} (as
 * npm and git tags write it) is accepted; anything else that is not SemVer, such as {@code 1.0} or {@code
 * 01.2.3}, is rejected rather than guessed at.
 */
public final class SemverVersionScheme extends ParsedVersionScheme<SemanticVersion> {
    static final String ID = "semver";

    SemverVersionScheme() {}

    @Override
    public String id() {
        return ID;
    }

    @Override
    int compareRead(SemanticVersion left, SemanticVersion right) {
        return left.compareTo(right);
    }

    @Override
    SemanticVersion read(String version) {
        if (version == null || version.length() > VersionText.MAX_LENGTH) {
            return null;
        }
        int offset = version.startsWith("v") || version.startsWith("V") ? 1 : 0;
        return SemanticVersion.parse(version, offset, false);
    }
}
