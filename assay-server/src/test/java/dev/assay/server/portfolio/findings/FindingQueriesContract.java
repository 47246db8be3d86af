package dev.assay.server.portfolio.findings;

import static dev.assay.server.portfolio.findings.Portfolios.APP_1;
import static dev.assay.server.portfolio.findings.Portfolios.FRAMEWORK;
import static dev.assay.server.portfolio.findings.Portfolios.JACKSON_2_9_8;
import static dev.assay.server.portfolio.findings.Portfolios.LOG4J_2_14;
import static dev.assay.server.portfolio.findings.Portfolios.LOG4SHELL;
import static dev.assay.server.portfolio.findings.Portfolios.LOG4SHELL_GHSA;
import static org.assertj.core.api.Assertions.assertThat;

import dev.assay.server.portfolio.findings.PortfolioViews.DailyCounts;
import dev.assay.server.portfolio.findings.PortfolioViews.KevFinding;
import dev.assay.server.portfolio.store.PortfolioDatabase;
import dev.assay.server.portfolio.triage.AnalysisState;
import dev.assay.server.portfolio.triage.Triage;
import dev.assay.server.portfolio.triage.TriageRequest;
import dev.assay.server.portfolio.triage.TriageScope;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The read queries behind the findings list and the overview; run on every supported database. */
abstract class FindingQueriesContract {
    private PortfolioDatabase database;
    private MutableClock clock;
    private FindingMatching matching;
    private Triage triage;
    private FindingQueries queries;

    abstract PortfolioDatabase openFreshDatabase();

    @BeforeEach
    void open() {
        database = openFreshDatabase();
        clock = new MutableClock(Instant.parse("2026-12-01T10:00:00Z"));
        matching = new FindingMatching(database, clock);
        triage = new Triage(database, clock);
        queries = new FindingQueries(database, triage);
    }

    @AfterEach
    void close() {
        database.close();
    }

    private long upload(String project, String version, String... libraries) {
        long id = Portfolios.upload(database, clock, project, version, FindingMatchingContract.shop(libraries))
                .versionId();
        matching.matchVersion(id, Portfolios.curatedStore());
        return id;
    }

    @Test
    void findingsOfVersion_showsComponentPathsRatingsAndAnalysis() {
        long version = upload("shop", "1.0", LOG4J_2_14);

        List<FindingView> before = queries.findingsOfVersion(version, false);
        triage.record(new TriageRequest(
                LOG4SHELL,
                "project",
                null,
                "shop",
                null,
                null,
                "not_affected",
                "vulnerable_code_not_in_execute_path",
                "JNDI lookups disabled",
                "alice"));
        List<FindingView> after = queries.findingsOfVersion(version, false);

        assertThat(queries.versionId("shop", "1.0")).contains(version);
        assertThat(queries.versionId("shop", "9.9")).isEmpty();
        assertThat(before)
                .extracting(FindingView::vulnerability)
                .containsExactlyInAnyOrder(LOG4SHELL, "CVE-2021-45046", "CVE-2021-45105");
        assertThat(before.get(0).severity()).isEqualTo("critical");
        FindingView log4shell = before.stream()
                .filter(view -> view.vulnerability().equals(LOG4SHELL))
                .findFirst()
                .orElseThrow();
        assertThat(log4shell.aliases()).containsExactly(LOG4SHELL_GHSA);
        assertThat(log4shell.cvss()).isEqualTo(10.0);
        assertThat(log4shell.kev()).isTrue();
        assertThat(log4shell.summary()).isNotBlank();
        assertThat(log4shell.fixedVersions()).startsWith("2.15.0");
        assertThat(log4shell.component().purl()).isEqualTo(LOG4J_2_14);
        assertThat(log4shell.component().name()).isEqualTo("log4j-core");
        assertThat(log4shell.component().version()).isEqualTo("2.14.1");
        assertThat(log4shell.paths()).containsExactly(List.of(APP_1, FRAMEWORK, LOG4J_2_14));
        assertThat(log4shell.analysis()).isNull();
        assertThat(log4shell.suppressed()).isFalse();
        assertThat(log4shell.state()).isEqualTo("open");

        FindingView triaged = after.stream()
                .filter(view -> view.vulnerability().equals(LOG4SHELL))
                .findFirst()
                .orElseThrow();
        assertThat(triaged.analysis().state()).isEqualTo(AnalysisState.NOT_AFFECTED);
        assertThat(triaged.analysis().scope()).isEqualTo(TriageScope.PROJECT);
        assertThat(triaged.analysis().comment()).isEqualTo("JNDI lookups disabled");
        assertThat(triaged.suppressed()).isTrue();
    }

    @Test
    void severityCountsKevAndTopComponents_leaveSuppressedFindingsOut() {
        long shop = upload("shop", "1.0", LOG4J_2_14, JACKSON_2_9_8);
        long billing = upload("billing", "1.0", LOG4J_2_14);
        SeverityCounts shopBefore = queries.severityCounts(shop);

        triage.record(new TriageRequest(LOG4SHELL, "project", null, "shop", null, null, "fixed", null, "", "alice"));

        SeverityCounts shopAfter = queries.severityCounts(shop);
        assertThat(shopAfter.critical()).isEqualTo(shopBefore.critical() - 1);
        assertThat(shopAfter.total()).isEqualTo(shopBefore.total() - 1);
        assertThat(queries.severityCounts(billing))
                .isEqualTo(new SeverityCounts(2, 1, 0, 0, 0)); // Log4Shell and CVE-2021-45046 critical, 45105 high
        assertThat(queries.severityCountsByVersion()).containsOnlyKeys(shop, billing);
        assertThat(queries.portfolioSeverityCounts().total()).isEqualTo(shopAfter.total() + 3);
        assertThat(queries.kevFindings(10))
                .containsExactly(
                        new KevFinding(LOG4SHELL, "billing", "1.0", LOG4J_2_14),
                        new KevFinding("CVE-2021-45046", "billing", "1.0", LOG4J_2_14),
                        new KevFinding("CVE-2021-45046", "shop", "1.0", LOG4J_2_14));
        assertThat(queries.topComponents(1))
                .containsExactly(
                        new PortfolioViews.TopComponent("pkg:maven/org.apache.logging.log4j/log4j-core", 2, 5));
        // The overview's single pass agrees with the separate queries.
        FindingQueries.Overview overview = queries.overview(2, 1);
        assertThat(overview.findings()).isEqualTo(queries.portfolioSeverityCounts());
        assertThat(overview.kev()).containsExactlyElementsOf(queries.kevFindings(2));
        assertThat(overview.topComponents()).containsExactlyElementsOf(queries.topComponents(1));
        assertThat(queries.overview(0, 0).kev()).isEmpty();
    }

    @Test
    void history_countsFindingsOpenAtTheEndOfEachDay() {
        long version = upload("shop", "1.0", LOG4J_2_14);
        clock.advance(Duration.ofDays(2));
        Portfolios.upload(database, clock, "shop", "1.0", FindingMatchingContract.shop(JACKSON_2_9_8));
        matching.matchVersion(version, Portfolios.curatedStore());

        List<DailyCounts> history = queries.history(LocalDate.parse("2026-11-30"), LocalDate.parse("2026-12-03"));

        assertThat(history)
                .extracting(DailyCounts::date)
                .containsExactly(
                        LocalDate.parse("2026-11-30"),
                        LocalDate.parse("2026-12-01"),
                        LocalDate.parse("2026-12-02"),
                        LocalDate.parse("2026-12-03"));
        assertThat(history.get(0)).isEqualTo(new DailyCounts(LocalDate.parse("2026-11-30"), 0, 0, 0, 0, 0));
        assertThat(history.get(1)).isEqualTo(new DailyCounts(LocalDate.parse("2026-12-01"), 2, 1, 0, 0, 0));
        assertThat(history.get(2)).isEqualTo(history.get(1).withDate(LocalDate.parse("2026-12-02")));
        // on the third day log4j left the inventory and jackson came in
        assertThat(history.get(3).critical() + history.get(3).high()).isPositive();
        long jacksonFindings = queries.findingsOfVersion(version, false).size();
        DailyCounts last = history.get(3);
        assertThat(last.critical() + last.high() + last.medium() + last.low() + last.unknown())
                .isEqualTo((int) jacksonFindings);
    }
}
