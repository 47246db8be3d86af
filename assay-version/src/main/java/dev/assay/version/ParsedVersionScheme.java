package dev.assay.version;

import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The common shape of the schemes: read a version into a value once, then order the values. Reading is
 * the expensive part, so readings are kept (bounded) and shared by every caller.
 *
 * @param <V> what a version reads into; null stands for "not a version of this scheme"
 */
abstract class ParsedVersionScheme<V> implements VersionScheme {
    /**
     * Readings shared by every caller: a scan evaluates the same few thousand event versions of the same
     * records against component after component, and reading (PEP 440 above all) costs more than comparing.
     * Read values are immutable. Bounded: cleared when full, and long strings are never kept.
     */
    private static final int SHARED_READINGS_LIMIT = 65_536;

    private static final int SHARED_READING_MAX_LENGTH = 128;

    private final ConcurrentHashMap<String, Optional<V>> sharedReadings = new ConcurrentHashMap<>();

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
        return cachedRead(version).isPresent();
    }

    final V parse(String version) {
        return cachedRead(version).orElseThrow(() -> VersionText.invalid(id(), version));
    }

    private Optional<V> cachedRead(String version) {
        if (version == null) {
            return Optional.ofNullable(read(null));
        }
        Optional<V> cached = sharedReadings.get(version);
        if (cached != null) {
            return cached;
        }
        Optional<V> reading = Optional.ofNullable(read(version));
        if (version.length() <= SHARED_READING_MAX_LENGTH) {
            if (sharedReadings.size() >= SHARED_READINGS_LIMIT) {
                sharedReadings.clear();
            }
            sharedReadings.put(version, reading);
        }
        return reading;
    }

    /**
     * This ordering for one task (an advisory entry evaluated against one version). The shared readings
     * already read each distinct string once, so this is the scheme itself; a per-task map of its own cost
     * more (allocation and rehashing for records that list hundreds of versions) than it saved.
     */
    final VersionScheme memoizing() {
        return this;
    }
}
