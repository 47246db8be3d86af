package dev.assay.server.portfolio.triage;

import static dev.assay.server.portfolio.findings.Portfolios.FRAMEWORK;
import static dev.assay.server.portfolio.findings.Portfolios.JACKSON_2_9_8;
import static dev.assay.server.portfolio.findings.Portfolios.LOG4J_2_14;
import static dev.assay.server.portfolio.findings.Portfolios.LOG4SHELL;
import static dev.assay.server.portfolio.findings.Portfolios.LOG4SHELL_GHSA;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.assay.model.InvalidInputException;
import dev.assay.server.portfolio.findings.FindingMatching;
import dev.assay.server.portfolio.findings.MutableClock;
import dev.assay.server.portfolio.findings.Portfolios;
import dev.assay.server.portfolio.store.PortfolioDatabase;
import dev.assay.vulndb.InMemoryAdvisoryStore;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Triage decisions, their scopes and precedence; run on every supported database. */
abstract class TriageContract {
    private static final String APP = "pkg:maven/com.acme/shop@1.0.0";
    private static final String LOG4J_BASE = "pkg:maven/org.apache.logging.log4j/log4j-core";

    private PortfolioDatabase database;
    private MutableClock clock;
    private Triage triage;
    private FindingMatching matching;
    private InMemoryAdvisoryStore store;

    abstract PortfolioDatabase openFreshDatabase();

    @BeforeEach
    void open() {
        database = openFreshDatabase();
        clock = new MutableClock(Instant.parse("2026-12-01T10:00:00Z"));
        triage = new Triage(database, clock);
        matching = new FindingMatching(database, clock);
        store = Portfolios.curatedStore();
    }

    @AfterEach
    void close() {
        database.close();
    }

    private long upload(String project, String version, String... libraries) {
        long id = Portfolios.upload(
                        database,
                        clock,
                        project,
                        version,
                        Portfolios.cycloneDx(
                                APP,
                                concat(FRAMEWORK, libraries),
                                Map.of(APP, List.of(FRAMEWORK), FRAMEWORK, List.of(libraries))))
                .versionId();
        matching.matchVersion(id, store);
        clock.advance(Duration.ofMinutes(1));
        return id;
    }

    private static List<String> concat(String first, String... rest) {
        List<String> all = new java.util.ArrayList<>(List.of(first));
        all.addAll(List.of(rest));
        return all;
    }

    private long finding(long versionId, String vulnerability) {
        return database.jdbi()
                .withHandle(handle -> handle.createQuery(
                                "SELECT id FROM findings WHERE version_id = :version AND vulnerability_id = :vulnerability")
                        .bind("version", versionId)
                        .bind("vulnerability", vulnerability)
                        .mapTo(Long.class)
                        .one());
    }

    private TriageDecision decide(
            String scope,
            String vulnerability,
            Long findingId,
            String project,
            String purl,
            String range,
            String state,
            String justification) {
        TriageDecision decision = triage.record(new TriageRequest(
                vulnerability, scope, findingId, project, purl, range, state, justification, "because", "alice"));
        clock.advance(Duration.ofMinutes(1));
        return decision;
    }

    @Test
    void record_projectDecision_appliesToEveryVersionIncludingOnesUploadedLater() {
        long v1 = upload("shop", "1.0", LOG4J_2_14);

        TriageDecision decision = decide(
                "project", LOG4SHELL, null, "shop", null, null, "not_affected", "vulnerable_code_not_in_execute_path");
        long v2 = upload("shop", "2.0", LOG4J_2_14);
        long other = upload("billing", "1.0", LOG4J_2_14);

        assertThat(decision.scope()).isEqualTo(TriageScope.PROJECT);
        assertThat(decision.project()).isEqualTo("shop");
        assertThat(decision.justification()).isEqualTo(Justification.VULNERABLE_CODE_NOT_IN_EXECUTE_PATH);
        for (long version : List.of(v1, v2)) {
            Map<Long, Analysis> analyses = triage.analysesOfVersion(version);
            assertThat(analyses).containsOnlyKeys(finding(version, LOG4SHELL));
            Analysis analysis = analyses.get(finding(version, LOG4SHELL));
            assertThat(analysis.state()).isEqualTo(AnalysisState.NOT_AFFECTED);
            assertThat(analysis.scope()).isEqualTo(TriageScope.PROJECT);
            assertThat(analysis.author()).isEqualTo("alice");
            assertThat(analysis.comment()).isEqualTo("because");
            assertThat(analysis.suppressed()).isTrue();
        }
        assertThat(triage.analysesOfVersion(other)).isEmpty();
    }

    @Test
    void record_purlDecisionWithRange_appliesAcrossThePortfolioOnlyInsideTheRange() {
        long shop = upload("shop", "1.0", LOG4J_2_14);
        long billing = upload("billing", "7.0", LOG4J_2_14);

        decide("purl", "CVE-2021-45105", null, null, LOG4J_BASE, "vers:maven/<2.14.0", "fixed", null);
        assertThat(triage.analysesOfVersion(shop)).isEmpty();

        decide("purl", "CVE-2021-45105", null, null, LOG4J_BASE, "vers:maven/>=2.14.0|<2.15.0", "fixed", null);
        long later = upload("payments", "0.1", LOG4J_2_14);

        for (long version : List.of(shop, billing, later)) {
            assertThat(triage.analysesOfVersion(version))
                    .containsOnlyKeys(finding(version, "CVE-2021-45105"))
                    .allSatisfy((id, analysis) -> {
                        assertThat(analysis.state()).isEqualTo(AnalysisState.FIXED);
                        assertThat(analysis.scope()).isEqualTo(TriageScope.PURL);
                        assertThat(analysis.suppressed()).isTrue();
                    });
        }
    }

    @Test
    void analyses_mostSpecificScopeWinsThenNewestWithinScope() {
        long version = upload("shop", "1.0", LOG4J_2_14);
        long log4shell = finding(version, LOG4SHELL);

        decide("finding", null, log4shell, null, null, null, "under_investigation", null);
        TriageDecision olderProject = decide("project", LOG4SHELL, null, "shop", null, null, "affected", null);
        TriageDecision newerProject =
                decide("project", LOG4SHELL, null, "shop", null, null, "not_affected", "component_not_present");
        decide("purl", LOG4SHELL, null, null, LOG4J_BASE, null, "fixed", null);

        Analysis analysis = triage.analysisOf(log4shell).orElseThrow();
        assertThat(analysis.scope()).isEqualTo(TriageScope.FINDING);
        assertThat(analysis.state()).isEqualTo(AnalysisState.UNDER_INVESTIGATION);
        assertThat(analysis.suppressed()).isFalse();

        long other = upload("shop", "2.0", LOG4J_2_14);
        Analysis projectWide = triage.analysisOf(finding(other, LOG4SHELL)).orElseThrow();
        assertThat(projectWide.decisionId()).isEqualTo(newerProject.id());
        assertThat(projectWide.state()).isEqualTo(AnalysisState.NOT_AFFECTED);

        assertThat(triage.history(log4shell).orElseThrow())
                .extracting(TriageDecision::scope, TriageDecision::state)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(TriageScope.FINDING, AnalysisState.UNDER_INVESTIGATION),
                        org.assertj.core.groups.Tuple.tuple(TriageScope.PROJECT, AnalysisState.AFFECTED),
                        org.assertj.core.groups.Tuple.tuple(TriageScope.PROJECT, AnalysisState.NOT_AFFECTED),
                        org.assertj.core.groups.Tuple.tuple(TriageScope.PURL, AnalysisState.FIXED));
        assertThat(triage.history(log4shell).orElseThrow().get(1).id()).isEqualTo(olderProject.id());
        assertThat(triage.history(log4shell).orElseThrow().get(1).supersededBy())
                .isEqualTo(newerProject.id());
        assertThat(triage.history(log4shell).orElseThrow().get(2).supersededBy())
                .isNull();
    }

    @Test
    void record_byAlias_appliesToTheFindingRecordedUnderItsCve() {
        long version = upload("shop", "1.0", LOG4J_2_14);

        TriageDecision decision = decide(
                "project",
                LOG4SHELL_GHSA.toUpperCase(java.util.Locale.ROOT),
                null,
                "shop",
                null,
                null,
                "not_affected",
                "inline_mitigations_already_exist");

        assertThat(decision.vulnerability()).isEqualTo(LOG4SHELL_GHSA);
        assertThat(triage.analysesOfVersion(version)).containsOnlyKeys(finding(version, LOG4SHELL));
    }

    @Test
    void findingDecision_survivesAReuploadOfItsVersionWithANewFindingRow() {
        long version = upload("shop", "1.0", LOG4J_2_14);
        long before = finding(version, LOG4SHELL);
        decide("finding", LOG4SHELL_GHSA, before, null, null, null, "not_affected", "vulnerable_code_not_present");

        upload("shop", "1.0", LOG4J_2_14, JACKSON_2_9_8);
        long after = finding(version, LOG4SHELL);

        assertThat(after).isNotEqualTo(before);
        assertThat(triage.analysisOf(after)).map(Analysis::scope).contains(TriageScope.FINDING);
        assertThat(triage.history(after).orElseThrow()).hasSize(1);
    }

    @Test
    void record_invalidInput_isRejectedWithAClearMessage() {
        long version = upload("shop", "1.0", LOG4J_2_14);
        long log4shell = finding(version, LOG4SHELL);

        assertInvalid(
                new TriageRequest(LOG4SHELL, "project", null, "shop", null, null, "ignored", null, "", "a"),
                "unknown state 'ignored'");
        assertInvalid(
                new TriageRequest(LOG4SHELL, "project", null, "shop", null, null, "not_affected", null, "", "a"),
                "needs a justification");
        assertInvalid(
                new TriageRequest(LOG4SHELL, "project", null, "shop", null, null, "not_affected", "because", "", "a"),
                "unknown justification 'because'");
        assertInvalid(
                new TriageRequest(
                        LOG4SHELL, "project", null, "shop", null, null, "affected", "component_not_present", "", "a"),
                "only goes with state not_affected");
        assertInvalid(
                new TriageRequest(LOG4SHELL, "everything", null, "shop", null, null, "affected", null, "", "a"),
                "unknown scope 'everything'");
        assertInvalid(
                new TriageRequest(LOG4SHELL, "project", null, "nope", null, null, "affected", null, "", "a"),
                "no project named 'nope'");
        assertInvalid(
                new TriageRequest(LOG4SHELL, "finding", 999_999L, null, null, null, "affected", null, "", "a"),
                "no finding with id 999999");
        assertInvalid(
                new TriageRequest("CVE-2000-1", "finding", log4shell, null, null, null, "affected", null, "", "a"),
                "not CVE-2000-1");
        assertInvalid(
                new TriageRequest(LOG4SHELL, "purl", null, null, LOG4J_2_14, null, "affected", null, "", "a"),
                "names a package, not a version");
        assertInvalid(
                new TriageRequest(
                        LOG4SHELL, "purl", null, null, LOG4J_BASE, "vers:maven/<<2", "affected", null, "", "a"),
                "bad range");
        assertInvalid(
                new TriageRequest(LOG4SHELL, "purl", null, null, LOG4J_BASE, "<2.17.1", "affected", null, "", "a"),
                "bad range");
        assertInvalid(
                new TriageRequest(
                        LOG4SHELL, "purl", null, null, LOG4J_BASE, "vers:npm/<2.17.1", "affected", null, "", "a"),
                "the range is for npm versions but the package is maven");
        assertInvalid(
                new TriageRequest(LOG4SHELL, "purl", null, null, "not a purl", null, "affected", null, "", "a"), "");
        assertInvalid(
                new TriageRequest(null, "project", null, "shop", null, null, "affected", null, "", "a"),
                "the vulnerability is missing");
        assertInvalid(
                new TriageRequest(LOG4SHELL, "project", null, "shop", null, null, "affected", null, "", " "),
                "the author is missing");
        long decisions = database.jdbi()
                .withHandle(handle -> handle.createQuery("SELECT COUNT(*) FROM triage_decisions")
                        .mapTo(Long.class)
                        .one());
        assertThat(decisions).isZero();
    }

    private void assertInvalid(TriageRequest request, String message) {
        assertThatThrownBy(() -> triage.record(request))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining(message);
    }
}
