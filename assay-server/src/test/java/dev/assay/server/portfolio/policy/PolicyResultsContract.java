package dev.assay.server.portfolio.policy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.assay.server.portfolio.findings.MutableClock;
import dev.assay.server.portfolio.findings.Portfolios;
import dev.assay.server.portfolio.store.PortfolioDatabase;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The policy results repository; run on every supported database. */
abstract class PolicyResultsContract {
    private static final String APP = "pkg:maven/com.acme/shop@1.0.0";

    private PortfolioDatabase database;
    private MutableClock clock;
    private PolicyResults results;
    private long version;
    private long otherVersion;

    abstract PortfolioDatabase openFreshDatabase();

    @BeforeEach
    void open() {
        database = openFreshDatabase();
        clock = new MutableClock(Instant.parse("2026-12-01T10:00:00Z"));
        results = new PolicyResults(database);
        String sbom = Portfolios.cycloneDx(APP, List.of(Portfolios.FRAMEWORK), Map.of());
        version = Portfolios.upload(database, clock, "shop", "1.0", sbom).versionId();
        otherVersion = Portfolios.upload(database, clock, "shop", "2.0", sbom).versionId();
    }

    @AfterEach
    void close() {
        database.close();
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    }

    private static List<PolicyResult> assayReport() {
        return SarifResults.read(
                        AssaySarif.k8s("deploy/pod.yaml", AssaySarif.PRIVILEGED_POD),
                        "report",
                        SarifResults.DEFAULT_MAX_RESULTS)
                .getFirst()
                .results();
    }

    @Test
    void replace_sameReportTwice_leavesTheSameRows() {
        List<PolicyResult> report = assayReport();
        results.replace(version, "Assay", report, now());
        List<StoredPolicyResult> first = results.list(version);
        clock.advance(Duration.ofHours(1));

        results.replace(version, "Assay", report, now());
        List<StoredPolicyResult> second = results.list(version);

        assertThat(second).hasSize(report.size());
        assertThat(second)
                .extracting(StoredPolicyResult::rule, StoredPolicyResult::level, StoredPolicyResult::message)
                .containsExactlyElementsOf(first.stream()
                        .map(r -> org.assertj.core.groups.Tuple.tuple(r.rule(), r.level(), r.message()))
                        .toList());
        assertThat(second)
                .allSatisfy(
                        r -> assertThat(r.uploadedAt().toInstant()).isEqualTo(Instant.parse("2026-12-01T11:00:00Z")));
        assertThat(results.counts(version).total()).isEqualTo(report.size());
    }

    @Test
    void replace_isPerToolAndPerVersion() {
        results.replace(version, "Assay", assayReport(), now());
        results.replace(
                version,
                "kube-linter",
                List.of(
                        new PolicyResult("no-read-only-root-fs", ResultLevel.WARNING, "writable root", "pod.yaml:3"),
                        new PolicyResult("latest-tag", ResultLevel.NOTE, "pin the tag", null)),
                now());
        results.replace(
                otherVersion,
                "Assay",
                List.of(new PolicyResult("r", ResultLevel.ERROR, "other version", "x:1")),
                now());

        // A new kube-linter report with one problem fixed replaces only kube-linter's rows of this version.
        results.replace(
                version,
                "kube-linter",
                List.of(new PolicyResult("latest-tag", ResultLevel.NOTE, "pin the tag", null)),
                now());

        List<StoredPolicyResult> listed = results.list(version);
        assertThat(listed)
                .filteredOn(r -> r.tool().equals("kube-linter"))
                .extracting(StoredPolicyResult::rule)
                .containsExactly("latest-tag");
        assertThat(listed)
                .filteredOn(r -> r.tool().equals("Assay"))
                .hasSize(assayReport().size());
        assertThat(results.list(otherVersion))
                .extracting(StoredPolicyResult::message)
                .containsExactly("other version");

        // An empty report clears the tool.
        results.replace(version, "kube-linter", List.of(), now());
        assertThat(results.list(version)).noneMatch(r -> r.tool().equals("kube-linter"));
    }

    @Test
    void list_mostSevereFirst_thenToolRuleLocation_andCountsByLevel() {
        results.replace(
                version,
                "b-tool",
                List.of(
                        new PolicyResult("z", ResultLevel.NOTE, "n", "f:2"),
                        new PolicyResult("a", ResultLevel.ERROR, "e2", "f:9"),
                        new PolicyResult("a", ResultLevel.ERROR, "e1", "f:10"),
                        new PolicyResult("q", ResultLevel.NONE, "passed", null)),
                now());
        results.replace(
                version,
                "a-tool",
                List.of(
                        new PolicyResult("m", ResultLevel.WARNING, "w", "g:1"),
                        new PolicyResult("y", ResultLevel.ERROR, "e3", null)),
                now());

        assertThat(results.list(version))
                .extracting(StoredPolicyResult::message)
                .containsExactly("e3", "e1", "e2", "w", "n", "passed");
        assertThat(results.counts(version)).isEqualTo(new LevelCounts(3, 1, 1, 1));
        assertThat(results.counts(otherVersion)).isEqualTo(LevelCounts.NONE);
        assertThat(results.list(otherVersion)).isEmpty();
    }

    @Test
    void storedTextsRoundTrip_includingTheLongestAndNonAscii() {
        String message = "ü".repeat(SarifResults.MAX_MESSAGE);
        String rule = "r".repeat(SarifResults.MAX_RULE);
        String location = "ł".repeat(SarifResults.MAX_LOCATION);
        String tool = "t".repeat(SarifResults.MAX_TOOL);
        results.replace(version, tool, List.of(new PolicyResult(rule, ResultLevel.NOTE, message, location)), now());

        StoredPolicyResult stored = results.list(version).getFirst();
        assertThat(stored.tool()).isEqualTo(tool);
        assertThat(stored.rule()).isEqualTo(rule);
        assertThat(stored.message()).isEqualTo(message);
        assertThat(stored.location()).isEqualTo(location);
    }

    @Test
    void deletingAVersion_deletesItsResults() {
        results.replace(version, "Assay", assayReport(), now());
        results.replace(otherVersion, "Assay", assayReport(), now());

        database.jdbi().useHandle(handle -> handle.execute("DELETE FROM project_versions WHERE id = ?", version));

        long left = database.jdbi()
                .withHandle(handle -> handle.createQuery("SELECT COUNT(*) FROM policy_results WHERE version_id = :v")
                        .bind("v", version)
                        .mapTo(Long.class)
                        .one());
        assertThat(left).isZero();
        assertThat(results.list(otherVersion)).hasSize(assayReport().size());
    }

    @Test
    void theDatabaseRefusesAnUnknownLevel() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> database.jdbi()
                        .useHandle(handle -> handle.execute(
                                "INSERT INTO policy_results (version_id, tool, rule_id, level, message, uploaded_at)"
                                        + " VALUES (?, 't', 'r', 'critical', 'm', CURRENT_TIMESTAMP)",
                                version)))
                .isInstanceOf(org.jdbi.v3.core.JdbiException.class);
    }
}
