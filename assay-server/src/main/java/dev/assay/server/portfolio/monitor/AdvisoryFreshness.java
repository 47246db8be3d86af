package dev.assay.server.portfolio.monitor;

import dev.assay.engine.AdvisoryDatabases;
import dev.assay.model.AdvisoryDatabaseSummary;
import dev.assay.model.InvalidInputException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Judges the advisory database's age and decides what the server may claim about findings.
 *
 * <p>The rule is {@code assay scan --max-db-age}'s ({@link AdvisoryDatabases#requireFresh}): data is stale when
 * its age is strictly greater than the limit, with the age taken from the database's update time ({@link AdvisoryDatabases#summary}). The CLI
 * has no default limit (a scan refuses only when asked); a server answering "is my portfolio affected?"
 * unattended needs one, so it defaults to {@value #DEFAULT_LIMIT_TEXT}, and the limit is configured in the
 * CLI's syntax ({@code 7d}, {@code 36h}, {@code P2D}) through {@link #parseLimit}.
 */
public final class AdvisoryFreshness {
    static final String DEFAULT_LIMIT_TEXT = "7d";

    /** Seven days. */
    public static final Duration DEFAULT_LIMIT = Duration.ofDays(7);

    private final Duration limit;
    private final Clock clock;

    /** @throws InvalidInputException when the limit is zero or negative */
    public AdvisoryFreshness(Duration limit, Clock clock) {
        Objects.requireNonNull(limit, "limit");
        if (limit.isNegative() || limit.isZero()) {
            throw new InvalidInputException("the advisory age limit must be positive, not " + limit, limit.toString());
        }
        this.limit = limit;
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** {@link #DEFAULT_LIMIT} on the system clock. */
    public static AdvisoryFreshness defaults() {
        return new AdvisoryFreshness(DEFAULT_LIMIT, Clock.systemUTC());
    }

    /**
     * Parses a limit as {@code assay scan --max-db-age} does: {@code 7d}, {@code 36h}, {@code 90m}, {@code P7D}.
     *
     * @throws InvalidInputException when the text is not a duration
     */
    public static Duration parseLimit(String text) {
        return AdvisoryDatabases.parseAge(text);
    }

    public Duration limit() {
        return limit;
    }

    public AdvisoryAge assess(AdvisoryDatabaseSummary info) {
        // The engine reports a store without an update time as the epoch: stale, as an unknown age must be.
        if (info == null) {
            return missing();
        }
        Instant builtAt = info.updatedAt();
        Duration age = Duration.between(builtAt, clock.instant());
        if (age.isNegative()) {
            // Imported on a machine whose clock runs ahead: the data is as fresh as it gets.
            age = Duration.ZERO;
        }
        return new AdvisoryAge(Optional.of(builtAt), age, limit, age.compareTo(limit) > 0, info.snapshot());
    }

    /** No advisory database at all: nothing can be claimed clean. */
    public AdvisoryAge missing() {
        return new AdvisoryAge(Optional.empty(), Duration.ZERO, limit, true, false);
    }

    /**
     * What may be said about {@code findings} found against advisories of this age. Findings are reported
     * whatever the age (old data does not make a match wrong); zero findings is "no findings" only on fresh
     * data.
     */
    public static FindingsClaim claim(long findings, AdvisoryAge age) {
        if (findings > 0) {
            return FindingsClaim.FINDINGS;
        }
        return age.stale() ? FindingsClaim.UNKNOWN_STALE_ADVISORIES : FindingsClaim.NO_FINDINGS;
    }

    public FindingsClaim claim(long findings, AdvisoryDatabaseSummary info) {
        return claim(findings, assess(info));
    }
}
