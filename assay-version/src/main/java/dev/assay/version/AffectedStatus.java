package dev.assay.version;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Whether one version of a package is affected by one OSV {@code affected[]} entry. Three outcomes, because
 * "not affected" must never stand in for "cannot tell": a version or an event the ecosystem's ordering cannot
 * read leaves its range undecided, and an undecided range that might have matched makes the whole entry
 * {@link Undecided} unless another range or the version list matched.
 */
public sealed interface AffectedStatus {

    /** The hit when affected; empty when not affected or undecided. */
    default Optional<AffectedHit> hit() {
        return this instanceof Affected affected ? Optional.of(affected.details()) : Optional.empty();
    }

    /** A range or the version list contains the version. */
    record Affected(AffectedHit details) implements AffectedStatus {
        public Affected {
            Objects.requireNonNull(details, "details");
        }
    }

    /** Every range was evaluated and none, nor the version list, contains the version. */
    record NotAffected() implements AffectedStatus {}

    /**
     * No range or listed version matched, and at least one range could not be evaluated.
     *
     * @param reasons one sentence per distinct cause, such as {@code '1.0' is not a valid semver version} or
     *     {@code no version order is known for ecosystem 'Hackage'}
     */
    record Undecided(List<String> reasons) implements AffectedStatus {
        public Undecided {
            reasons = List.copyOf(reasons);
        }
    }
}
