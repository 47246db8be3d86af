package dev.assay.version;

import java.util.List;
import java.util.Objects;

/**
 * Why a version is affected: the part of the advisory it fell into, under which ordering, and the fixes
 * above it. Matchers copy this into their match evidence.
 *
 * @param version the version that was evaluated, as given
 * @param scheme the {@link VersionScheme#id()} that decided it, or {@code exact} for a literal match in the
 *     version list of an ecosystem without a known order
 * @param matchedBy whether a range or the explicit version list matched
 * @param range the interval that contains the version, such as {@code >=2.0-beta9, <2.15.0}, {@code <=1.4.2}
 *     or {@code >=0} (every version); {@code version list} for a list match
 * @param fixedVersions the {@code fixed} events of the entry's decidable ranges that sort above the version,
 *     lowest first and without equivalent duplicates; empty when no fix is known
 */
public record AffectedHit(
        String version, String scheme, MatchedBy matchedBy, String range, List<String> fixedVersions) {
    public AffectedHit {
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(scheme, "scheme");
        Objects.requireNonNull(matchedBy, "matchedBy");
        Objects.requireNonNull(range, "range");
        fixedVersions = List.copyOf(fixedVersions);
    }

    /** What matched: a range of one of the OSV types that carry package versions, or the version list. */
    public enum MatchedBy {
        SEMVER_RANGE,
        ECOSYSTEM_RANGE,
        VERSION_LIST
    }
}
