package dev.assay.match.spi;

import dev.assay.version.VersionScheme;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a matcher could say about one component: the records that affect it, or why it could not check it.
 * "Not checked" is a result the user sees, never a silent "no vulnerabilities".
 */
public sealed interface MatchOutcome {
    /**
     * The component was compared with every candidate record.
     *
     * @param matches the records that affect it; empty when none does
     * @param scheme the version ordering used, or null when the matcher does not say; callers use it to sort
     *     fixed versions merged from several records
     */
    record Checked(List<Match> matches, VersionScheme scheme) implements MatchOutcome {
        public Checked {
            matches = List.copyOf(matches);
        }

        public Optional<VersionScheme> versionScheme() {
            return Optional.ofNullable(scheme);
        }
    }

    /**
     * The component could not be compared: no version, a version the ecosystem cannot order, a purl type or
     * distribution release without advisories.
     *
     * @param reason one line for the user, e.g. {@code version 'latest' is not a maven version}
     */
    record NotChecked(String reason) implements MatchOutcome {
        public NotChecked {
            Objects.requireNonNull(reason, "reason");
        }
    }

    static MatchOutcome checked(List<Match> matches, VersionScheme scheme) {
        return new Checked(matches, scheme);
    }

    static MatchOutcome notChecked(String reason) {
        return new NotChecked(reason);
    }

    /** The matches, empty when not checked. */
    default List<Match> matches() {
        return this instanceof Checked checked ? checked.matches() : List.of();
    }
}
