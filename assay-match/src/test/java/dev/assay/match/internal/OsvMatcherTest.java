package dev.assay.match.internal;

import static dev.assay.match.fakes.Advisories.advisory;
import static dev.assay.match.fakes.Components.component;
import static org.assertj.core.api.Assertions.assertThat;

import dev.assay.match.fakes.FakeAdvisoryStore;
import dev.assay.match.spi.Match;
import dev.assay.match.spi.MatchOutcome;
import dev.assay.model.AffectedPackage;
import dev.assay.model.AffectedRange;
import dev.assay.model.Component;
import dev.assay.model.RangeEvent;
import dev.assay.version.VersionSchemes;
import java.util.List;
import org.junit.jupiter.api.Test;

class OsvMatcherTest {
    private final OsvMatcher matcher = new OsvMatcher("test-matcher", VersionSchemes.pep440());
    private final Component component = component("pkg:generic/lib@1.5.0");

    private MatchOutcome evaluate(FakeAdvisoryStore store, String version) {
        return matcher.evaluate(store, component, List.of(OsvQuery.anyRelease("PyPI", "lib", version)));
    }

    private static AffectedPackage entry(String ecosystem, AffectedRange.Type type, RangeEvent... events) {
        return new AffectedPackage(
                ecosystem, "lib", "", List.of(new AffectedRange(type, "", List.of(events))), List.of(), "");
    }

    @Test
    void evaluate_versionInsideRange_matchesWithEvidenceAndFixedVersion() {
        FakeAdvisoryStore store = new FakeAdvisoryStore()
                .add(advisory("OSV-1").range("PyPI", "lib", "1.0", "1.6").build());

        List<Match> matches = evaluate(store, "1.5.0").matches();

        assertThat(matches).singleElement().satisfies(match -> {
            assertThat(match.evidence().advisoryId()).isEqualTo("OSV-1");
            assertThat(match.evidence().affectedRange()).isEqualTo(">=1.0, <1.6");
            assertThat(match.evidence().versionScheme()).isEqualTo("pep440");
            assertThat(match.evidence().matcherId()).isEqualTo("test-matcher");
            assertThat(match.fixedVersions()).containsExactly("1.6");
        });
    }

    @Test
    void evaluate_versionAtFixed_doesNotMatch() {
        FakeAdvisoryStore store = new FakeAdvisoryStore()
                .add(advisory("OSV-1").range("PyPI", "lib", "0", "1.6").build());

        assertThat(evaluate(store, "1.6").matches()).isEmpty();
        assertThat(evaluate(store, "1.6.1").matches()).isEmpty();
        assertThat(evaluate(store, "1.5.9").matches()).hasSize(1);
    }

    @Test
    void evaluate_introducedZero_matchesFromTheFirstVersion() {
        FakeAdvisoryStore store = new FakeAdvisoryStore()
                .add(advisory("OSV-1").range("PyPI", "lib", "0", "2").build());

        assertThat(evaluate(store, "0.0.1").matches())
                .singleElement()
                .satisfies(match -> assertThat(match.evidence().affectedRange()).isEqualTo("<2"));
    }

    @Test
    void evaluate_withdrawnRecord_neverMatches() {
        FakeAdvisoryStore store = new FakeAdvisoryStore()
                .add(advisory("OSV-1")
                        .range("PyPI", "lib", "0", null)
                        .withdrawn()
                        .build());

        assertThat(evaluate(store, "1.5.0")).isInstanceOf(MatchOutcome.Checked.class);
        assertThat(evaluate(store, "1.5.0").matches()).isEmpty();
    }

    @Test
    void evaluate_gitRange_isNeverUsed() {
        FakeAdvisoryStore store = new FakeAdvisoryStore()
                .add(advisory("OSV-1")
                        .affected(entry("PyPI", AffectedRange.Type.GIT, RangeEvent.introduced("0")))
                        .build());

        assertThat(evaluate(store, "1.5.0").matches()).isEmpty();
    }

    @Test
    void evaluate_lastAffected_includesTheBoundAndExcludesAbove() {
        FakeAdvisoryStore store = new FakeAdvisoryStore()
                .add(advisory("OSV-1")
                        .affected(entry(
                                "PyPI",
                                AffectedRange.Type.ECOSYSTEM,
                                RangeEvent.introduced("1.0"),
                                RangeEvent.lastAffected("1.5.0")))
                        .build());

        assertThat(evaluate(store, "1.5.0").matches())
                .singleElement()
                .satisfies(match -> assertThat(match.evidence().affectedRange()).isEqualTo(">=1.0, <=1.5.0"));
        assertThat(evaluate(store, "1.5.1").matches()).isEmpty();
    }

    @Test
    void evaluate_limitAtOrBelowVersion_excludesIt() {
        FakeAdvisoryStore store = new FakeAdvisoryStore()
                .add(advisory("OSV-1")
                        .affected(entry(
                                "PyPI",
                                AffectedRange.Type.ECOSYSTEM,
                                RangeEvent.introduced("0"),
                                RangeEvent.limit("1.2")))
                        .build());

        assertThat(evaluate(store, "1.1").matches()).hasSize(1);
        assertThat(evaluate(store, "1.2").matches()).isEmpty();
    }

    @Test
    void evaluate_unsortedEventsWithSeveralIntervals_findsTheRightInterval() {
        FakeAdvisoryStore store = new FakeAdvisoryStore()
                .add(advisory("OSV-1")
                        .affected(entry(
                                "PyPI",
                                AffectedRange.Type.ECOSYSTEM,
                                RangeEvent.fixed("2.5"),
                                RangeEvent.introduced("2.0"),
                                RangeEvent.fixed("1.3"),
                                RangeEvent.introduced("1.0")))
                        .build());

        assertThat(evaluate(store, "1.2").matches()).singleElement().satisfies(match -> {
            assertThat(match.evidence().affectedRange()).isEqualTo(">=1.0, <1.3");
            assertThat(match.fixedVersions()).containsExactly("1.3", "2.5");
        });
        assertThat(evaluate(store, "1.4").matches()).isEmpty();
        assertThat(evaluate(store, "2.4.9").matches())
                .singleElement()
                .satisfies(match -> assertThat(match.fixedVersions()).containsExactly("2.5"));
    }

    @Test
    void evaluate_explicitVersionList_matchesListedVersionsOnly() {
        FakeAdvisoryStore store = new FakeAdvisoryStore()
                .add(advisory("OSV-1")
                        .affected(new AffectedPackage("PyPI", "lib", "", List.of(), List.of("1.5.0", "1.7"), ""))
                        .build());

        assertThat(evaluate(store, "1.5.0").matches())
                .singleElement()
                .satisfies(match -> assertThat(match.evidence().affectedRange()).isEqualTo("version list"));
        assertThat(evaluate(store, "1.7.0").matches()).hasSize(1);
        assertThat(evaluate(store, "1.6").matches()).isEmpty();
    }

    @Test
    void evaluate_rangeWithUnreadableEventVersion_isSkippedNotGuessed() {
        FakeAdvisoryStore store = new FakeAdvisoryStore()
                .add(advisory("OSV-1")
                        .range("PyPI", "lib", "not a version!", "2.0")
                        .build());

        assertThat(evaluate(store, "1.5").matches()).isEmpty();
    }

    @Test
    void evaluate_releaseOutOfScope_doesNotMatch() {
        FakeAdvisoryStore store = new FakeAdvisoryStore()
                .add(advisory("DSA-1").range("Debian:11", "lib", "0", "2.0").build())
                .add(advisory("DSA-2").range("Debian:12", "lib", "0", "2.0").build())
                .add(advisory("DSA-3").range("Debian", "lib", "0", "2.0").build());

        List<Match> matches = matcher.evaluate(
                        store,
                        component,
                        List.of(new OsvQuery("Debian", "lib", "1.0", ReleaseScope.exactly("Debian", "12"))))
                .matches();

        assertThat(matches).extracting(match -> match.advisory().id()).containsExactly("DSA-2");
    }

    @Test
    void evaluate_otherPackageInSameRecord_isNotUsedForThisOne() {
        FakeAdvisoryStore store = new FakeAdvisoryStore()
                .add(advisory("OSV-1")
                        .range("PyPI", "other", "0", "9.0")
                        .range("PyPI", "lib", "0", "1.0")
                        .build());

        assertThat(evaluate(store, "1.5.0").matches()).isEmpty();
    }

    @Test
    void evaluate_emptyVersion_isNotChecked() {
        MatchOutcome outcome = evaluate(new FakeAdvisoryStore(), "");

        assertThat(outcome)
                .isInstanceOfSatisfying(
                        MatchOutcome.NotChecked.class,
                        notChecked -> assertThat(notChecked.reason()).contains("no version"));
    }

    @Test
    void evaluate_versionTheSchemeCannotOrder_isNotCheckedWithReason() {
        MatchOutcome outcome = evaluate(new FakeAdvisoryStore(), "latest");

        assertThat(outcome)
                .isInstanceOfSatisfying(
                        MatchOutcome.NotChecked.class,
                        notChecked ->
                                assertThat(notChecked.reason()).isEqualTo("version 'latest' is not a pep440 version"));
    }

    @Test
    void evaluate_sameRecordFromTwoQueries_isOneMatch() {
        FakeAdvisoryStore store = new FakeAdvisoryStore()
                .add(advisory("RHSA-1")
                        .range("Red Hat", "lib", "0", "2.0")
                        .range("Red Hat", "lib-src", "0", "2.0")
                        .build());

        List<Match> matches = matcher.evaluate(
                        store,
                        component,
                        List.of(
                                OsvQuery.anyRelease("Red Hat", "lib", "1.0"),
                                OsvQuery.anyRelease("Red Hat", "lib-src", "1.0")))
                .matches();

        assertThat(matches).hasSize(1);
    }
}
