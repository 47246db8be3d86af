package dev.assay.server.portfolio.monitor;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * How old the advisory data is, judged against a limit.
 *
 * @param builtAt when the data was last imported or fetched ({@code AdvisoryDatabaseSummary.updatedAt}); empty when no
 *     advisory database is available
 * @param age from {@code builtAt} to now, never negative; {@link Duration#ZERO} when {@code builtAt} is empty
 * @param stale older than {@code limit}, or of unknown age
 * @param snapshot the data is the snapshot bundled with Assay rather than a download
 */
public record AdvisoryAge(Optional<Instant> builtAt, Duration age, Duration limit, boolean stale, boolean snapshot) {
    /** The age in hours, for {@code "ageHours"} in the REST API. */
    public double ageHours() {
        return age.toMillis() / 3_600_000.0;
    }
}
