package dev.assay.match.internal;

import java.util.Objects;
import java.util.function.Predicate;

/**
 * Which {@code affected[].ecosystem} releases may match a component: any release for language ecosystems
 * (where a suffix names a registry mirror, {@code Maven:https://maven.google.com}), exactly the component's
 * release for distributions ({@code Debian:12} never matches a Debian 11 package).
 *
 * @param description shown when nothing matches, e.g. {@code Debian:12}
 * @param accepts given the record's release (the part after the first colon, empty when none)
 */
public record ReleaseScope(String description, Predicate<String> accepts) {
    private static final ReleaseScope ANY = new ReleaseScope("any release", release -> true);

    public ReleaseScope {
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(accepts, "accepts");
    }

    public static ReleaseScope any() {
        return ANY;
    }

    /** Records whose release is exactly {@code release}; a record without a release never matches. */
    public static ReleaseScope exactly(String ecosystem, String release) {
        return new ReleaseScope(ecosystem + ":" + release, release::equals);
    }

    public boolean test(String recordRelease) {
        return accepts.test(recordRelease);
    }
}
