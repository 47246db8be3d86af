package dev.assay.server.portfolio.findings;

import static dev.assay.server.portfolio.findings.Portfolios.APP_1;
import static dev.assay.server.portfolio.findings.Portfolios.FRAMEWORK;
import static dev.assay.server.portfolio.findings.Portfolios.JACKSON_2_9_8;
import static dev.assay.server.portfolio.findings.Portfolios.LOG4J_2_14;
import static dev.assay.server.portfolio.findings.Portfolios.LOG4J_2_17_1;
import static dev.assay.server.portfolio.findings.Portfolios.LOG4J_API;
import static dev.assay.server.portfolio.findings.Portfolios.LOG4SHELL;
import static dev.assay.server.portfolio.findings.Portfolios.LOG4SHELL_2_GHSA;
import static dev.assay.server.portfolio.findings.Portfolios.LOG4SHELL_GHSA;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.assay.model.Advisory;
import dev.assay.model.InvalidInputException;
import dev.assay.server.portfolio.store.PortfolioDatabase;
import dev.assay.vulndb.InMemoryAdvisoryStore;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Matching and re-matching stored inventories; run on every supported database. */
abstract class FindingMatchingContract {
    private static final Instant START = Instant.parse("2026-12-01T10:00:00Z");

    private PortfolioDatabase database;
    private MutableClock clock;
    private FindingMatching matching;

    abstract PortfolioDatabase openFreshDatabase();

    @BeforeEach
    void open() {
        database = openFreshDatabase();
        clock = new MutableClock(START);
        matching = new FindingMatching(database, clock);
    }

    @AfterEach
    void close() {
        database.close();
    }

    static String shop(String... libraries) {
        List<String> components = new ArrayList<>(List.of(FRAMEWORK));
        components.addAll(List.of(libraries));
        return Portfolios.cycloneDx(
                APP_1, components, Map.of(APP_1, List.of(FRAMEWORK), FRAMEWORK, List.of(libraries)));
    }

    @Test
    void matchVersion_log4jAndJackson_storesFindingsWithRatingsKevAliasesAndReportsThemNew() {
        long version = Portfolios.upload(database, clock, "shop", "1.0", shop(LOG4J_2_14, LOG4J_API, JACKSON_2_9_8))
                .versionId();

        MatchSummary summary = matching.matchVersion(version, Portfolios.curatedStore());

        assertThat(summary.componentsMatched()).isEqualTo(4); // the application itself is not matched
        assertThat(summary.newFindings()).hasSize(summary.openFindings());
        assertThat(summary.newFindings())
                .filteredOn(finding -> finding.purl().equals(LOG4J_2_14))
                .extracting(NewFinding::vulnerability)
                .containsExactlyInAnyOrder(LOG4SHELL, "CVE-2021-45046", "CVE-2021-45105");
        assertThat(summary.newFindings())
                .filteredOn(finding -> finding.purl().equals(JACKSON_2_9_8))
                .isNotEmpty();
        NewFinding log4shell = summary.newFindings().stream()
                .filter(finding -> finding.vulnerability().equals(LOG4SHELL))
                .findFirst()
                .orElseThrow();
        assertThat(log4shell.project()).isEqualTo("shop");
        assertThat(log4shell.version()).isEqualTo("1.0");
        assertThat(log4shell.severity()).isEqualTo("critical");
        assertThat(log4shell.cvss()).isEqualTo(10.0);
        assertThat(log4shell.kev()).isTrue();
        assertThat(log4shell.aliases()).containsExactly(LOG4SHELL_GHSA);
        Map<String, Object> row = database.jdbi()
                .withHandle(handle -> handle.createQuery(
                                "SELECT summary, fixed_versions, state, kev, first_seen FROM findings WHERE id = :id")
                        .bind("id", log4shell.findingId())
                        .mapToMap()
                        .one());
        assertThat((String) row.get("summary")).isNotBlank();
        assertThat(((String) row.get("fixed_versions")).split("\n")).startsWith("2.15.0");
        assertThat(row.get("state")).isEqualTo("open");
        assertThat(strings("SELECT vulnerability_id FROM vulnerability_aliases WHERE alias = '" + LOG4SHELL_GHSA + "'"))
                .containsExactly(LOG4SHELL);
    }

    @Test
    void matchVersion_again_isIdempotentAndKeepsFirstSeen() {
        long version = Portfolios.upload(database, clock, "shop", "1.0", shop(LOG4J_2_14))
                .versionId();
        MatchSummary first = matching.matchVersion(version, Portfolios.curatedStore());
        List<String> before = strings("SELECT id || ' ' || vulnerability_id FROM findings ORDER BY id");
        clock.advance(Duration.ofDays(2));

        MatchSummary second = matching.matchVersion(version, Portfolios.curatedStore());

        assertThat(first.newFindings()).hasSize(3);
        assertThat(second.newFindings()).isEmpty();
        assertThat(second.openFindings()).isEqualTo(3);
        assertThat(strings("SELECT id || ' ' || vulnerability_id FROM findings ORDER BY id"))
                .isEqualTo(before);
        assertThat(instants("SELECT first_seen FROM findings")).containsOnly(START);
        assertThat(instants("SELECT last_seen FROM findings")).containsOnly(START.plus(Duration.ofDays(2)));
    }

    @Test
    void matchVersion_afterReplacedInventory_removedComponentsLoseTheirFindingsOthersKeepFirstSeen() {
        long version = Portfolios.upload(database, clock, "shop", "1.0", shop(LOG4J_2_14, JACKSON_2_9_8))
                .versionId();
        MatchSummary first = matching.matchVersion(version, Portfolios.curatedStore());
        long jacksonFindings = first.newFindings().stream()
                .filter(finding -> finding.purl().equals(JACKSON_2_9_8))
                .count();
        clock.advance(Duration.ofDays(1));
        Portfolios.upload(database, clock, "shop", "1.0", shop(LOG4J_2_14, LOG4J_API));

        MatchSummary second = matching.matchVersion(version, Portfolios.curatedStore());

        assertThat(second.newFindings()).isEmpty();
        assertThat(second.resolvedFindings()).isEqualTo((int) jacksonFindings);
        assertThat(strings("SELECT c.purl FROM findings f JOIN components c ON c.id = f.component_id"))
                .containsOnly(LOG4J_2_14)
                .hasSize(3);
        assertThat(instants("SELECT first_seen FROM findings")).containsOnly(START);
        assertThat(count("SELECT COUNT(*) FROM finding_sightings WHERE resolved_at IS NOT NULL"))
                .isEqualTo(jacksonFindings);
    }

    @Test
    void rematch_afterOneAddedAdvisory_touchesOnlyTheComponentsOfItsPackage() {
        List<Advisory> withoutOne = Portfolios.curatedAdvisories(LOG4SHELL_2_GHSA::equals);
        InMemoryAdvisoryStore before = Portfolios.store(withoutOne);
        InMemoryAdvisoryStore after = Portfolios.curatedStore();
        long shop1 = Portfolios.upload(database, clock, "shop", "1.0", shop(LOG4J_2_14, LOG4J_API, JACKSON_2_9_8))
                .versionId();
        long shop2 = Portfolios.upload(database, clock, "shop", "2.0", shop(LOG4J_2_17_1, JACKSON_2_9_8))
                .versionId();
        long billing = Portfolios.upload(database, clock, "billing", "1.0", shop(JACKSON_2_9_8))
                .versionId();
        for (long version : List.of(shop1, shop2, billing)) {
            matching.matchVersion(version, before);
        }
        clock.advance(Duration.ofHours(6));

        AdvisoryChanges changes = AdvisoryChanges.between(before, after);
        MatchSummary summary = matching.rematch(after, changes.packages());

        assertThat(changes.added()).containsExactly(LOG4SHELL_2_GHSA);
        assertThat(changes.changed()).isEmpty();
        assertThat(changes.removed()).isEmpty();
        assertThat(changes.packages()).containsExactly(PackageKey.of("Maven", "org.apache.logging.log4j:log4j-core"));
        // log4j-core in shop 1.0 and shop 2.0; nothing else of the ten stored components
        assertThat(summary.componentsMatched()).isEqualTo(2);
        assertThat(summary.versions()).isEqualTo(2);
        assertThat(summary.newFindings())
                .extracting(NewFinding::version, NewFinding::purl, NewFinding::vulnerability)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("1.0", LOG4J_2_14, "CVE-2021-45046"));
        assertThat(instants("SELECT last_seen FROM findings f JOIN components c ON c.id = f.component_id"
                        + " WHERE c.purl = '" + JACKSON_2_9_8 + "'"))
                .containsOnly(START);
    }

    @Test
    void rematch_withdrawnAdvisory_resolvesItsFindingAndKeepsTheOthers() {
        InMemoryAdvisoryStore before = Portfolios.curatedStore();
        List<Advisory> withdrawnList = new ArrayList<>();
        for (Advisory advisory : Portfolios.curatedAdvisories(id -> false)) {
            withdrawnList.add(advisory.id().equals(LOG4SHELL_2_GHSA) ? withdrawn(advisory) : advisory);
        }
        InMemoryAdvisoryStore after = Portfolios.store(withdrawnList);
        long version = Portfolios.upload(database, clock, "shop", "1.0", shop(LOG4J_2_14))
                .versionId();
        matching.matchVersion(version, before);
        clock.advance(Duration.ofHours(1));

        AdvisoryChanges changes = AdvisoryChanges.between(before, after);
        MatchSummary summary = matching.rematch(after, changes.packages());

        assertThat(changes.changed()).containsExactly(LOG4SHELL_2_GHSA);
        assertThat(summary.resolvedFindings()).isEqualTo(1);
        assertThat(summary.newFindings()).isEmpty();
        assertThat(strings("SELECT vulnerability_id || ' ' || state FROM findings ORDER BY vulnerability_id"))
                .containsExactly("CVE-2021-44228 open", "CVE-2021-45046 resolved", "CVE-2021-45105 open");

        MatchSummary back =
                matching.rematch(before, AdvisoryChanges.between(after, before).packages());

        assertThat(back.newFindings()).extracting(NewFinding::vulnerability).containsExactly("CVE-2021-45046");
        assertThat(strings("SELECT DISTINCT state FROM findings")).containsExactly("open");
    }

    @Test
    void rematch_noChangedPackages_matchesNothing() {
        long version = Portfolios.upload(database, clock, "shop", "1.0", shop(LOG4J_2_14))
                .versionId();
        matching.matchVersion(version, Portfolios.curatedStore());

        MatchSummary summary = matching.rematch(
                Portfolios.curatedStore(),
                AdvisoryChanges.between(Portfolios.curatedStore(), Portfolios.curatedStore())
                        .packages());

        assertThat(summary.componentsMatched()).isZero();
        assertThat(summary.versions()).isZero();
    }

    @Test
    void refreshExploitation_afterAKevImport_flagsTheFindingsOfListedVulnerabilities() {
        long version = Portfolios.upload(database, clock, "shop", "1.0", shop(LOG4J_2_14))
                .versionId();
        List<Advisory> advisories = Portfolios.curatedAdvisories(id -> false);
        matching.matchVersion(version, InMemoryAdvisoryStore.of(advisories));
        assertThat(strings("SELECT vulnerability_id FROM findings WHERE kev")).isEmpty();

        int changed = matching.refreshExploitation(Portfolios.store(advisories));

        // CISA lists CVE-2021-44228 and CVE-2021-45046, not CVE-2021-45105
        assertThat(changed).isEqualTo(2);
        assertThat(strings("SELECT vulnerability_id FROM findings WHERE kev ORDER BY vulnerability_id"))
                .containsExactly(LOG4SHELL, "CVE-2021-45046");
        assertThat(matching.refreshExploitation(Portfolios.store(advisories))).isZero();
    }

    @Test
    void matchPending_matchesOnlyVersionsStoredButNotYetMatched_andOnlyOnce() {
        InMemoryAdvisoryStore store = Portfolios.curatedStore();
        long matched = Portfolios.upload(database, clock, "shop", "1.0", shop(LOG4J_2_14))
                .versionId();
        matching.matchVersion(matched, store);
        // Stored, then the server stopped before the match that follows every upload.
        long unmatched = Portfolios.upload(database, clock, "shop", "1.1", shop(LOG4J_2_14))
                .versionId();

        assertThat(matching.matchPending(store)).isEqualTo(1);

        assertThat(strings("SELECT DISTINCT CAST(version_id AS VARCHAR(20)) FROM findings ORDER BY 1"))
                .containsExactlyInAnyOrder(Long.toString(matched), Long.toString(unmatched));
        assertThat(matching.matchPending(store)).isZero();
    }

    @Test
    void matchVersion_unknownVersion_isInvalidInput() {
        // Read first: without the corpora the test is skipped here, not failed inside the assertion.
        InMemoryAdvisoryStore store = Portfolios.curatedStore();

        assertThatThrownBy(() -> matching.matchVersion(4242, store))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("no project version with id 4242");
    }

    private static Advisory withdrawn(Advisory advisory) {
        return new Advisory(
                advisory.id(),
                advisory.aliases(),
                advisory.summary(),
                advisory.details(),
                advisory.published(),
                Instant.parse("2026-12-01T12:00:00Z"),
                Instant.parse("2026-12-01T12:00:00Z"),
                advisory.affected(),
                advisory.ratings(),
                advisory.references(),
                advisory.source());
    }

    private List<String> strings(String sql) {
        return database.jdbi()
                .withHandle(
                        handle -> handle.createQuery(sql).mapTo(String.class).list());
    }

    private List<Instant> instants(String sql) {
        return database.jdbi()
                .withHandle(handle -> handle.createQuery(sql)
                        .map((row, context) ->
                                row.getObject(1, OffsetDateTime.class).toInstant())
                        .list());
    }

    private long count(String sql) {
        return database.jdbi()
                .withHandle(handle -> handle.createQuery(sql).mapTo(Long.class).one());
    }
}
