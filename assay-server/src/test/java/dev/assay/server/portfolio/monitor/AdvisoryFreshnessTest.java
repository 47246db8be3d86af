package dev.assay.server.portfolio.monitor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.assay.model.AdvisoryDatabaseSummary;
import dev.assay.model.InvalidInputException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class AdvisoryFreshnessTest {
    private static final Instant NOW = Instant.parse("2026-12-04T10:00:00Z");
    private static final AdvisoryFreshness FRESHNESS =
            new AdvisoryFreshness(AdvisoryFreshness.DEFAULT_LIMIT, Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void assess_fiveHoursOld_isFresh() {
        AdvisoryAge age = FRESHNESS.assess(info(NOW.minus(Duration.ofHours(5)), false));

        assertThat(age.stale()).isFalse();
        assertThat(age.ageHours()).isEqualTo(5.0);
        assertThat(age.builtAt()).contains(NOW.minus(Duration.ofHours(5)));
        assertThat(age.limit()).isEqualTo(Duration.ofDays(7));
    }

    @Test
    void assess_exactlyAtTheLimit_isFresh_oneSecondMore_isStale() {
        assertThat(FRESHNESS.assess(info(NOW.minus(Duration.ofDays(7)), false)).stale())
                .isFalse();
        assertThat(FRESHNESS
                        .assess(info(NOW.minus(Duration.ofDays(7)).minusSeconds(1), false))
                        .stale())
                .isTrue();
    }

    @Test
    void assess_staleSnapshot_saysItIsTheSnapshot() {
        AdvisoryAge age = FRESHNESS.assess(info(NOW.minus(Duration.ofDays(40)), true));

        assertThat(age.stale()).isTrue();
        assertThat(age.snapshot()).isTrue();
    }

    @Test
    void assess_futureTimestamp_isAgeZero() {
        AdvisoryAge age = FRESHNESS.assess(info(NOW.plus(Duration.ofHours(1)), false));

        assertThat(age.age()).isZero();
        assertThat(age.stale()).isFalse();
    }

    @Test
    void assess_unknownAgeOrNoDatabase_isStale() {
        assertThat(FRESHNESS.assess(info(Instant.EPOCH, false)).stale()).isTrue();
        assertThat(FRESHNESS.assess(null).stale()).isTrue();
        assertThat(FRESHNESS.missing().builtAt()).isEmpty();
    }

    @Test
    void claim_neverSaysNoFindingsOnStaleData() {
        AdvisoryDatabaseSummary fresh = info(NOW.minus(Duration.ofDays(1)), false);
        AdvisoryDatabaseSummary stale = info(NOW.minus(Duration.ofDays(8)), false);

        assertThat(FRESHNESS.claim(0, fresh)).isEqualTo(FindingsClaim.NO_FINDINGS);
        assertThat(FRESHNESS.claim(0, stale)).isEqualTo(FindingsClaim.UNKNOWN_STALE_ADVISORIES);
        assertThat(FRESHNESS.claim(3, fresh)).isEqualTo(FindingsClaim.FINDINGS);
        assertThat(FRESHNESS.claim(3, stale)).isEqualTo(FindingsClaim.FINDINGS);
        assertThat(AdvisoryFreshness.claim(0, FRESHNESS.missing())).isEqualTo(FindingsClaim.UNKNOWN_STALE_ADVISORIES);
    }

    @Test
    void parseLimit_acceptsTheCliSyntax_refusesNonsense() {
        assertThat(AdvisoryFreshness.parseLimit("36h")).isEqualTo(Duration.ofHours(36));
        assertThat(AdvisoryFreshness.parseLimit("P2D")).isEqualTo(Duration.ofDays(2));
        assertThatThrownBy(() -> AdvisoryFreshness.parseLimit("a week")).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> new AdvisoryFreshness(Duration.ZERO, Clock.systemUTC()))
                .isInstanceOf(InvalidInputException.class);
    }

    static AdvisoryDatabaseSummary info(Instant updatedAt, boolean snapshot) {
        return new AdvisoryDatabaseSummary("/var/lib/assay/db", updatedAt, snapshot, 1000);
    }
}
