package dev.assay.version;

import static org.assertj.core.api.Assertions.assertThat;

import dev.assay.model.AffectedPackage;
import dev.assay.model.AffectedRange;
import dev.assay.model.RangeEvent;
import dev.assay.testkit.Corpora;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Real OSV records from the shared corpora (GitHub Advisory Database, PyPA, Go vulnerability database,
 * RustSec), evaluated as a matcher will evaluate them.
 */
class OsvCorporaTest {
    private static final String ADVISORIES = "advisories/";

    private static List<AffectedPackage> record(String relativePath) {
        return OsvRecords.read(Corpora.require(ADVISORIES + relativePath));
    }

    /** The first hit among the record's entries, as a matcher reports it; empty when none matches. */
    private static Optional<AffectedHit> firstHit(List<AffectedPackage> entries, String version) {
        for (AffectedPackage entry : entries) {
            AffectedStatus status = AffectedVersions.evaluate(entry, version);
            assertThat(status).as("%s of %s", version, entry.name()).isNotInstanceOf(AffectedStatus.Undecided.class);
            if (status.hit().isPresent()) {
                return status.hit();
            }
        }
        return Optional.empty();
    }

    @Test
    void log4Shell_vulnerableAndFixedLog4jCore_areTold() {
        List<AffectedPackage> log4shell =
                record("github-advisory-database-curated/advisories/GHSA-jfh8-c2jp-5v3q.json");
        assertThat(log4shell).extracting(AffectedPackage::name).containsOnly("org.apache.logging.log4j:log4j-core");

        AffectedHit hit = firstHit(log4shell, "2.14.1").orElseThrow();
        assertThat(hit.scheme()).isEqualTo("maven");
        assertThat(hit.range()).isEqualTo(">=2.13.0, <2.15.0");
        assertThat(hit.fixedVersions()).containsExactly("2.15.0");
        assertThat(firstHit(log4shell, "2.12.1").orElseThrow().range()).isEqualTo(">=2.4, <2.12.2");
        assertThat(firstHit(log4shell, "2.3").orElseThrow().range()).isEqualTo("<2.3.1");
        assertThat(firstHit(log4shell, "2.0-beta9").orElseThrow().range()).isEqualTo("<2.3.1");

        assertThat(firstHit(log4shell, "2.17.1")).isEmpty();
        assertThat(firstHit(log4shell, "2.15.0")).isEmpty();
        assertThat(firstHit(log4shell, "2.12.2")).isEmpty();
        assertThat(firstHit(log4shell, "2.3.1")).isEmpty();
    }

    @Test
    void log4jFollowUp_2_15_0_isStillAffectedBy45046() {
        List<AffectedPackage> followUp = record("github-advisory-database-curated/advisories/GHSA-7rjr-3q55-vv33.json");
        assertThat(firstHit(followUp, "2.15.0").orElseThrow().range()).isEqualTo(">=2.13.0, <2.16.0");
        assertThat(firstHit(followUp, "2.16.0")).isEmpty();
    }

    @Test
    void djangoPyPiYamlRecord_twoIntervals_areTold() {
        List<AffectedPackage> django = record("pypa-advisory-database/vulns/django/PYSEC-2011-1.yaml");
        assertThat(firstHit(django, "1.2.6").orElseThrow().range()).isEqualTo("<1.2.7");
        assertThat(firstHit(django, "1.2.6").orElseThrow().fixedVersions()).containsExactly("1.2.7", "1.3.1");
        assertThat(firstHit(django, "1.3").orElseThrow().range()).isEqualTo(">=1.3, <1.3.1");
        assertThat(firstHit(django, "1.3.0").orElseThrow().range()).isEqualTo(">=1.3, <1.3.1");
        assertThat(firstHit(django, "1.3.1rc1").orElseThrow().range()).isEqualTo(">=1.3, <1.3.1");
        assertThat(firstHit(django, "1.2.7")).isEmpty();
        assertThat(firstHit(django, "1.3.1")).isEmpty();
        assertThat(firstHit(django, "1.3a1")).isEmpty();
    }

    @Test
    void goRecordWithPseudoVersions_isTold() {
        List<AffectedPackage> nanoauth = record("golang-vulndb/osv/GO-2020-0004.json");
        AffectedHit hit =
                firstHit(nanoauth, "v0.0.0-20180101000000-0123456789ab").orElseThrow();
        assertThat(hit.scheme()).isEqualTo("go");
        assertThat(hit.matchedBy()).isEqualTo(AffectedHit.MatchedBy.SEMVER_RANGE);
        assertThat(hit.range()).isEqualTo(">=0.0.0-20160722212129-ac0cc4484ad4, <0.0.0-20200131131040-063a3fb69896");
        assertThat(firstHit(nanoauth, "v0.0.0-20200131131040-063a3fb69896")).isEmpty();
        assertThat(firstHit(nanoauth, "v0.0.0-20160101000000-0123456789ab")).isEmpty();
    }

    @Test
    void everyRealRecord_everyEventVersion_isReadByItsScheme() {
        List<String> unreadable = new ArrayList<>();
        int events = 0;
        for (String directory : List.of(
                "github-advisory-database-curated/advisories",
                "golang-vulndb/osv",
                "rustsec-advisory-db/osv",
                "pypa-advisory-database/vulns")) {
            Path root = Corpora.require(ADVISORIES + directory);
            for (Path file : OsvRecords.files(root, directory.startsWith("pypa") ? ".yaml" : ".json")) {
                for (AffectedPackage entry : OsvRecords.read(file)) {
                    for (AffectedRange range : entry.ranges()) {
                        Optional<VersionScheme> scheme = VersionSchemes.forRangeType(range.type(), entry.ecosystem());
                        if (range.type() == AffectedRange.Type.GIT) {
                            continue;
                        }
                        for (RangeEvent event : range.events()) {
                            events++;
                            boolean special = event.version().equals("0") && event.kind() == RangeEvent.Kind.INTRODUCED;
                            if (!special && (scheme.isEmpty() || !scheme.get().isValid(event.version()))) {
                                unreadable.add(file.getFileName() + " " + entry.ecosystem() + " " + event);
                            }
                        }
                    }
                }
            }
        }
        assertThat(events).isGreaterThan(10_000);
        // Two PyPA records use legacy, non-PEP 440 versions as fixes; those ranges are left undecided.
        assertThat(unreadable)
                .containsExactlyInAnyOrder(
                        "PYSEC-2021-371.yaml PyPI " + RangeEvent.fixed("0.2.0-n653"),
                        "PYSEC-2019-125.yaml PyPI " + RangeEvent.fixed("2019-09-12"));
    }

    @Test
    void pypaRecords_everyListedVersion_isInsideTheRangesOrUndecided() {
        // PyPA's version lists are enumerated from the same ranges, so each listed PEP 440 version, evaluated
        // against the ranges alone, must be affected: an end-to-end check of PEP 440 order on real releases.
        // Listed legacy versions ("0.7.10p1", "2.0.0-final", dates) have no PEP 440 order: they must come out
        // undecided, never "not affected" (with the version list, as matchers see it, they match exactly).
        Path root = Corpora.require(ADVISORIES + "pypa-advisory-database/vulns");
        VersionScheme pep440 = VersionSchemes.pep440();
        List<String> wrong = new ArrayList<>();
        int checked = 0;
        int legacy = 0;
        for (Path file : OsvRecords.files(root, ".yaml")) {
            for (AffectedPackage entry : OsvRecords.read(file)) {
                boolean hasEcosystemRange =
                        entry.ranges().stream().anyMatch(range -> range.type() == AffectedRange.Type.ECOSYSTEM);
                if (!hasEcosystemRange) {
                    continue;
                }
                AffectedPackage rangesOnly = new AffectedPackage(
                        entry.ecosystem(), entry.name(), entry.purl(), entry.ranges(), List.of(), entry.severity());
                for (String version : entry.versions()) {
                    checked++;
                    AffectedStatus status = AffectedVersions.evaluate(rangesOnly, version);
                    boolean readable = pep440.isValid(version);
                    legacy += readable ? 0 : 1;
                    boolean expected = readable
                            ? status instanceof AffectedStatus.Affected
                            : status instanceof AffectedStatus.Undecided;
                    if (!expected) {
                        wrong.add(file.getFileName() + " " + version + " " + status);
                    }
                    assertThat(AffectedVersions.evaluate(entry, version).hit())
                            .as("%s %s with its version list", file.getFileName(), version)
                            .isPresent();
                }
            }
        }
        assertThat(checked).isGreaterThan(50_000);
        assertThat(legacy).isLessThan(checked / 100);
        // Nine listed versions are outside their record's ranges by the OSV evaluation itself, so only the
        // version list makes them affected: pre-releases of "introduced: 3.2" (PEP 440 orders 3.2a1 < 3.2),
        // a fixed version listed from a GIT range (gevent 23.9.0), and overlapping intervals in one range
        // (wagtail: introduced 0 / fixed 2.11.6 swept after introduced 2.11, so 2.11.6 is off).
        assertThat(wrong)
                .containsExactlyInAnyOrder(
                        "PYSEC-2023-61.yaml 3.2a1 NotAffected[]",
                        "PYSEC-2023-61.yaml 3.2b1 NotAffected[]",
                        "PYSEC-2023-61.yaml 3.2rc1 NotAffected[]",
                        "PYSEC-2023-61.yaml 4.2a1 NotAffected[]",
                        "PYSEC-2023-61.yaml 4.2b1 NotAffected[]",
                        "PYSEC-2023-61.yaml 4.2rc1 NotAffected[]",
                        "PYSEC-2023-177.yaml 23.9.0 NotAffected[]",
                        "PYSEC-2023-177.yaml 23.9.0.post1 NotAffected[]",
                        "PYSEC-2021-114.yaml 2.11.6 NotAffected[]");
    }
}
