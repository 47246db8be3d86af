package dev.assay.version;

import static org.assertj.core.api.Assertions.assertThat;

import dev.assay.model.AffectedPackage;
import dev.assay.model.AffectedRange;
import dev.assay.model.RangeEvent;
import java.util.List;
import org.junit.jupiter.api.Test;

class AffectedVersionsTest {

    private static AffectedRange semver(RangeEvent... events) {
        return new AffectedRange(AffectedRange.Type.SEMVER, "", List.of(events));
    }

    private static AffectedRange ecosystem(RangeEvent... events) {
        return new AffectedRange(AffectedRange.Type.ECOSYSTEM, "", List.of(events));
    }

    private static AffectedPackage affected(String ecosystem, List<AffectedRange> ranges, List<String> versions) {
        return new AffectedPackage(ecosystem, "example", "", ranges, versions, "");
    }

    private static AffectedHit hit(AffectedPackage affected, String version) {
        AffectedStatus status = AffectedVersions.evaluate(affected, version);
        assertThat(status).as("%s in %s", version, affected).isInstanceOf(AffectedStatus.Affected.class);
        return status.hit().orElseThrow();
    }

    private static void assertNotAffected(AffectedPackage affected, String version) {
        assertThat(AffectedVersions.evaluate(affected, version))
                .as("%s in %s", version, affected)
                .isEqualTo(new AffectedStatus.NotAffected());
    }

    @Test
    void evaluate_introducedZeroFixed_affectsEverythingBelowTheFix() {
        AffectedPackage elliptic =
                affected("npm", List.of(ecosystem(RangeEvent.introduced("0"), RangeEvent.fixed("6.5.4"))), List.of());
        AffectedHit hit = hit(elliptic, "6.5.3");
        assertThat(hit)
                .isEqualTo(new AffectedHit(
                        "6.5.3", "semver", AffectedHit.MatchedBy.ECOSYSTEM_RANGE, "<6.5.4", List.of("6.5.4")));
        assertThat(hit(elliptic, "0.0.0-alpha").range()).isEqualTo("<6.5.4");
        assertThat(hit(elliptic, "6.5.4-rc.1").fixedVersions()).containsExactly("6.5.4");
        assertNotAffected(elliptic, "6.5.4");
        assertNotAffected(elliptic, "7.0.0");
    }

    @Test
    void evaluate_twoIntervalsInOneRange_matchesEachAndListsLaterFixes() {
        // The OSV specification's "multiple range" example.
        AffectedPackage twoIntervals = affected(
                "npm",
                List.of(semver(
                        RangeEvent.introduced("1.0.0"),
                        RangeEvent.fixed("1.0.2"),
                        RangeEvent.introduced("3.0.0"),
                        RangeEvent.fixed("3.2.5"))),
                List.of());
        assertNotAffected(twoIntervals, "0.9.0");
        AffectedHit first = hit(twoIntervals, "1.0.1");
        assertThat(first.range()).isEqualTo(">=1.0.0, <1.0.2");
        assertThat(first.matchedBy()).isEqualTo(AffectedHit.MatchedBy.SEMVER_RANGE);
        assertThat(first.fixedVersions()).containsExactly("1.0.2", "3.2.5");
        assertNotAffected(twoIntervals, "1.0.2");
        assertNotAffected(twoIntervals, "2.0.0");
        AffectedHit second = hit(twoIntervals, "3.2.4");
        assertThat(second.range()).isEqualTo(">=3.0.0, <3.2.5");
        assertThat(second.fixedVersions()).containsExactly("3.2.5");
        assertNotAffected(twoIntervals, "3.2.5");
    }

    @Test
    void evaluate_eventsOutOfOrder_areSortedByTheScheme() {
        AffectedPackage unsorted = affected(
                "Maven",
                List.of(ecosystem(
                        RangeEvent.fixed("2.15.0"),
                        RangeEvent.introduced("2.0-beta9"),
                        RangeEvent.fixed("2.3.1"),
                        RangeEvent.introduced("2.4"))),
                List.of());
        assertThat(hit(unsorted, "2.0-rc1").range()).isEqualTo(">=2.0-beta9, <2.3.1");
        assertNotAffected(unsorted, "2.0-beta8");
        assertNotAffected(unsorted, "2.3.1");
        assertThat(hit(unsorted, "2.14.1").range()).isEqualTo(">=2.4, <2.15.0");
        assertNotAffected(unsorted, "2.15.0");
    }

    @Test
    void evaluate_lastAffected_includesThatVersionOnly() {
        // The OSV specification's last_affected example (H2).
        AffectedPackage h2 = affected(
                "Maven", List.of(ecosystem(RangeEvent.introduced("0"), RangeEvent.lastAffected("2.1.214"))), List.of());
        AffectedHit hit = hit(h2, "2.1.214");
        assertThat(hit.range()).isEqualTo("<=2.1.214");
        assertThat(hit.fixedVersions()).isEmpty();
        assertThat(hit(h2, "1.4.200").range()).isEqualTo("<=2.1.214");
        assertNotAffected(h2, "2.2.220");
    }

    @Test
    void evaluate_limit_boundsTheRangeFromAbove() {
        AffectedPackage limited =
                affected("PyPI", List.of(ecosystem(RangeEvent.introduced("1.0"), RangeEvent.limit("2.0"))), List.of());
        assertThat(hit(limited, "1.5").range()).isEqualTo(">=1.0, <2.0");
        assertNotAffected(limited, "2.0");
        assertNotAffected(limited, "0.9");

        AffectedPackage unlimited =
                affected("PyPI", List.of(ecosystem(RangeEvent.introduced("1.0"), RangeEvent.limit("*"))), List.of());
        assertThat(hit(unlimited, "99.0").range()).isEqualTo(">=1.0");
    }

    @Test
    void evaluate_introducedZeroOnly_affectsEveryVersion() {
        AffectedPackage unfixed = affected("crates.io", List.of(semver(RangeEvent.introduced("0"))), List.of());
        AffectedHit hit = hit(unfixed, "0.0.1");
        assertThat(hit.range()).isEqualTo(">=0");
        assertThat(hit.fixedVersions()).isEmpty();
    }

    @Test
    void evaluate_introducedEqualsFixed_affectsNothing() {
        AffectedPackage empty =
                affected("npm", List.of(semver(RangeEvent.introduced("1.0.0"), RangeEvent.fixed("1.0.0"))), List.of());
        assertNotAffected(empty, "1.0.0");
        assertNotAffected(empty, "1.0.1");
    }

    @Test
    void evaluate_versionList_matchesExactlyOrByEquivalence() {
        AffectedPackage listed = affected("PyPI", List.of(), List.of("1.0", "1.1"));
        AffectedHit exact = hit(listed, "1.1");
        assertThat(exact.matchedBy()).isEqualTo(AffectedHit.MatchedBy.VERSION_LIST);
        assertThat(exact.range()).isEqualTo("version list");
        assertThat(exact.scheme()).isEqualTo("pep440");
        assertThat(hit(listed, "1.0.0").matchedBy()).isEqualTo(AffectedHit.MatchedBy.VERSION_LIST);
        assertNotAffected(listed, "1.2");
    }

    @Test
    void evaluate_versionListOfUnknownEcosystem_matchesExactlyOnly() {
        AffectedPackage hackage = affected("Hackage", List.of(), List.of("1.0", "1.1"));
        AffectedHit exact = hit(hackage, "1.0");
        assertThat(exact.scheme()).isEqualTo("exact");
        assertNotAffected(hackage, "1.0.0");
    }

    @Test
    void evaluate_gitRangesWithVersionList_areIgnored() {
        AffectedRange git = new AffectedRange(
                AffectedRange.Type.GIT,
                "https://github.com/example/example",
                List.of(RangeEvent.introduced("0"), RangeEvent.fixed("8e3e7c0b6b5a3d2c1f0e9d8c7b6a5f4e3d2c1b0a")));
        AffectedPackage withList = affected("PyPI", List.of(git), List.of("2.0"));
        assertThat(hit(withList, "2.0").matchedBy()).isEqualTo(AffectedHit.MatchedBy.VERSION_LIST);
        assertNotAffected(withList, "1.0");

        AffectedPackage gitOnly = affected("PyPI", List.of(git), List.of());
        assertThat(AffectedVersions.evaluate(gitOnly, "1.0")).isInstanceOf(AffectedStatus.Undecided.class);
    }

    @Test
    void evaluate_unreadableEvent_leavesItsRangeUndecided() {
        AffectedPackage broken =
                affected("npm", List.of(semver(RangeEvent.introduced("0"), RangeEvent.fixed("1.0"))), List.of());
        AffectedStatus status = AffectedVersions.evaluate(broken, "0.5.0");
        assertThat(status).isInstanceOf(AffectedStatus.Undecided.class);
        assertThat(((AffectedStatus.Undecided) status).reasons())
                .containsExactly(
                        "the range event fixed: '1.0' is not a valid semver version, so its range was skipped");
        assertThat(status.hit()).isEmpty();
    }

    @Test
    void evaluate_unreadableEventButAnotherRangeMatches_isAffected() {
        AffectedPackage mixed = affected(
                "npm",
                List.of(
                        semver(RangeEvent.introduced("0"), RangeEvent.fixed("1.0")),
                        semver(RangeEvent.introduced("0.4.0"), RangeEvent.fixed("0.6.0"))),
                List.of());
        AffectedHit hit = hit(mixed, "0.5.0");
        assertThat(hit.range()).isEqualTo(">=0.4.0, <0.6.0");
        assertThat(hit.fixedVersions()).containsExactly("0.6.0");
    }

    @Test
    void evaluate_unreadableQueriedVersion_isUndecidedUnlessListed() {
        AffectedPackage npm =
                affected("npm", List.of(semver(RangeEvent.introduced("0"), RangeEvent.fixed("2.0.0"))), List.of("1.0"));
        AffectedStatus status = AffectedVersions.evaluate(npm, "1.5");
        assertThat(status).isEqualTo(new AffectedStatus.Undecided(List.of("'1.5' is not a valid semver version")));
        assertThat(hit(npm, "1.0").scheme()).isEqualTo("exact");
    }

    @Test
    void evaluate_unknownEcosystem_decidesSemverRangesButNotEcosystemRanges() {
        AffectedPackage semverRange =
                affected("Hackage", List.of(semver(RangeEvent.introduced("0"), RangeEvent.fixed("2.0.0"))), List.of());
        assertThat(hit(semverRange, "1.0.0").scheme()).isEqualTo("semver");

        AffectedPackage ecosystemRange =
                affected("Hackage", List.of(ecosystem(RangeEvent.introduced("0"), RangeEvent.fixed("2.0"))), List.of());
        assertThat(AffectedVersions.evaluate(ecosystemRange, "1.0"))
                .isEqualTo(new AffectedStatus.Undecided(List.of("no version order is known for ecosystem 'Hackage'")));
    }

    @Test
    void evaluate_goPseudoVersions_withAndWithoutV() {
        AffectedPackage nanoauth = affected(
                "Go",
                List.of(semver(
                        RangeEvent.introduced("0.0.0-20160722212129-ac0cc4484ad4"),
                        RangeEvent.fixed("0.0.0-20200131131040-063a3fb69896"))),
                List.of());
        AffectedHit hit = hit(nanoauth, "v0.0.0-20190101000000-abcdefabcdef");
        assertThat(hit.scheme()).isEqualTo("go");
        assertThat(hit.fixedVersions()).containsExactly("0.0.0-20200131131040-063a3fb69896");
        assertNotAffected(nanoauth, "v0.0.0-20200131131040-063a3fb69896");
        assertNotAffected(nanoauth, "v0.0.0-20150101000000-abcdefabcdef");
        assertNotAffected(nanoauth, "v1.0.0");
    }

    @Test
    void evaluate_fixesAcrossRanges_areMergedSortedAndDeduplicated() {
        AffectedPackage debian = affected(
                "Debian:12",
                List.of(
                        ecosystem(RangeEvent.introduced("0"), RangeEvent.fixed("1:2.0-1")),
                        ecosystem(RangeEvent.introduced("0"), RangeEvent.fixed("1.5-2")),
                        ecosystem(RangeEvent.introduced("0"), RangeEvent.fixed("0:1.5-2"))),
                List.of());
        AffectedHit hit = hit(debian, "1.0-1");
        assertThat(hit.range()).isEqualTo("<1:2.0-1");
        assertThat(hit.fixedVersions()).containsExactly("1.5-2", "1:2.0-1");
    }

    @Test
    void evaluate_osVersionsWithEpochs_orderByTheDistributionsRules() {
        AffectedPackage rhel = affected(
                "Red Hat:enterprise_linux:8::appstream",
                List.of(ecosystem(RangeEvent.introduced("0"), RangeEvent.fixed("0:2.9.10-5.el8_2"))),
                List.of());
        assertThat(hit(rhel, "2.9.10-5.el8").scheme()).isEqualTo("rpm");
        assertNotAffected(rhel, "2.9.10-5.el8_2");

        AffectedPackage alpine = affected(
                "Alpine:v3.20",
                List.of(ecosystem(RangeEvent.introduced("0"), RangeEvent.fixed("3.3.2-r0"))),
                List.of());
        assertThat(hit(alpine, "3.3.2_rc1-r0").range()).isEqualTo("<3.3.2-r0");
        assertNotAffected(alpine, "3.3.2-r1");
    }
}
