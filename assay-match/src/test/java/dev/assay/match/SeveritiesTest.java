package dev.assay.match;

import static org.assertj.core.api.Assertions.assertThat;

import dev.assay.model.Rating;
import dev.assay.model.Severity;
import java.util.List;
import org.junit.jupiter.api.Test;

class SeveritiesTest {
    private static Rating cvss(String method, double score, String source) {
        return new Rating(method, score, Severity.fromScore(score), "CVSS:...", source);
    }

    private static Rating label(Severity severity) {
        return new Rating(Rating.DATABASE, Double.NaN, severity, "", "github");
    }

    @Test
    void of_sameSourceRatesV3AndV4_takesItsV4Score() {
        List<Rating> ratings = List.of(cvss("CVSS_V3", 9.8, "nvd"), cvss("CVSS_V4", 6.9, "nvd"));

        assertThat(Severities.of(ratings, List.of())).isEqualTo(Severity.MEDIUM);
    }

    @Test
    void of_differentSources_takesTheHighestScore() {
        List<Rating> ratings = List.of(cvss("CVSS_V4", 6.9, "ghsa"), cvss("CVSS_V3", 9.8, "nvd"));

        assertThat(Severities.of(ratings, List.of())).isEqualTo(Severity.CRITICAL);
    }

    @Test
    void of_v2Only_isUsed() {
        assertThat(Severities.of(List.of(cvss("CVSS_V2", 7.5, "nvd")), List.of()))
                .isEqualTo(Severity.HIGH);
    }

    @Test
    void of_noScore_fallsBackToTheWorstDatabaseLabel() {
        List<Rating> ratings = List.of(label(Severity.MEDIUM), label(Severity.HIGH));

        assertThat(Severities.of(ratings, List.of("low"))).isEqualTo(Severity.HIGH);
    }

    @Test
    void of_scoreBeatsLabel() {
        List<Rating> ratings = List.of(label(Severity.CRITICAL), cvss("CVSS_V3", 5.0, "nvd"));

        assertThat(Severities.of(ratings, List.of())).isEqualTo(Severity.MEDIUM);
    }

    @Test
    void of_onlyEcosystemLabels_takesTheWorst() {
        assertThat(Severities.of(List.of(), List.of("unimportant", "medium", "garbage")))
                .isEqualTo(Severity.MEDIUM);
    }

    @Test
    void of_nothing_isUnknown() {
        assertThat(Severities.of(List.of(), List.of())).isEqualTo(Severity.UNKNOWN);
    }
}
