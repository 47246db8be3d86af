package dev.assay.version;

/**
 * The ordering of one ecosystem's versions. Implementations are total orders over the versions they accept
 * (reflexive, antisymmetric, transitive, consistent with {@link #equivalent}) and never fall back to string
 * comparison: a version they cannot read is rejected with {@link InvalidVersionException}.
 */
public interface VersionScheme {
    /** A stable id shown in match evidence: {@code maven}, {@code semver}, {@code pep440}, {@code deb}... */
    String id();

    /**
     * Negative, zero or positive as {@code left} sorts before, equal to or after {@code right}.
     *
     * @throws InvalidVersionException when either is not a version of this scheme
     */
    int compare(String left, String right);

    /** Whether {@code version} is a version this scheme can order. */
    boolean isValid(String version);

    default boolean equivalent(String left, String right) {
        return compare(left, right) == 0;
    }
}
