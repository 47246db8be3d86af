package dev.assay.version;

/**
 * Go module versions as {@code golang.org/x/mod/semver} orders them: SemVer with a {@code v} prefix, the
 * {@code v1} and {@code v1.2} shorthands, build metadata such as {@code +incompatible} ignored. Pseudo-versions
 * need no special case: {@code v0.0.0-20191109021931-daa7c04131f5} and {@code
 * v1.2.4-0.20191109021931-daa7c04131f5} are pre-releases whose timestamp orders them before the release
 * they precede. The Go vulnerability database writes OSV ranges without the {@code v}, so both spellings are
 * accepted and compare equal.
 */
public final class GoVersionScheme extends ParsedVersionScheme<SemanticVersion> {
    static final String ID = "go";

    GoVersionScheme() {}

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
        return SemanticVersion.parse(version, version.startsWith("v") ? 1 : 0, true);
    }
}
