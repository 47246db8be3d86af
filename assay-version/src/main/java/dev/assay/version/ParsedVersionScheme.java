package dev.assay.version;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The common shape of the schemes: read a version into a value once, then order the values. Reading is
 * the expensive part, so {@link #memoizing()} gives an ordering for one task (an advisory entry evaluated
 * against one version) that reads each distinct string once.
 *
 * @param <V> what a version reads into; null stands for "not a version of this scheme"
 */
abstract class ParsedVersionScheme<V> implements VersionScheme {

    /** The version read, or null when it is not one of this scheme. Must not throw for any string. */
    abstract V read(String version);

    /** A total order over read versions. */
    abstract int compareRead(V left, V right);

    @Override
    public final int compare(String left, String right) {
        return compareRead(parse(left), parse(right));
    }

    @Override
    public final boolean isValid(String version) {
        return read(version) != null;
    }

    final V parse(String version) {
        V read = read(version);
        if (read == null) {
            throw VersionText.invalid(id(), version);
        }
        return read;
    }

    /**
     * This ordering with every version read at most once; for short-lived, single-threaded use only, as
     * it remembers every string it was given.
     */
    final VersionScheme memoizing() {
        ParsedVersionScheme<V> scheme = this;
        Map<String, Optional<V>> readings = new HashMap<>();
        return new VersionScheme() {
            @Override
            public String id() {
                return scheme.id();
            }

            @Override
            public int compare(String left, String right) {
                return scheme.compareRead(reading(left), reading(right));
            }

            @Override
            public boolean isValid(String version) {
                return readings.computeIfAbsent(version, key -> Optional.ofNullable(scheme.read(key)))
                        .isPresent();
            }

            private V reading(String version) {
                return readings.computeIfAbsent(version, key -> Optional.ofNullable(scheme.read(key)))
                        .orElseThrow(() -> VersionText.invalid(scheme.id(), version));
            }
        };
    }
}
