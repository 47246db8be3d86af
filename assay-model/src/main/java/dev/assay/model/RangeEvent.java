package dev.assay.model;

import java.util.Objects;

/** One event of an OSV range: a version where the vulnerability was introduced, fixed, last seen or limited. */
public record RangeEvent(Kind kind, String version) {
    public RangeEvent {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(version, "version");
    }

    public static RangeEvent introduced(String version) {
        return new RangeEvent(Kind.INTRODUCED, version);
    }

    public static RangeEvent fixed(String version) {
        return new RangeEvent(Kind.FIXED, version);
    }

    public static RangeEvent lastAffected(String version) {
        return new RangeEvent(Kind.LAST_AFFECTED, version);
    }

    public static RangeEvent limit(String version) {
        return new RangeEvent(Kind.LIMIT, version);
    }

    /** The OSV event names: {@code introduced}, {@code fixed}, {@code last_affected}, {@code limit}. */
    public enum Kind {
        INTRODUCED,
        FIXED,
        LAST_AFFECTED,
        LIMIT
    }
}
