package dev.assay.server.portfolio.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.assay.engine.SbomUploads;
import dev.assay.model.InvalidInputException;
import dev.assay.server.portfolio.store.IngestRequest;
import dev.assay.server.portfolio.store.IngestResult;
import dev.assay.server.portfolio.store.PortfolioDatabase;
import dev.assay.server.portfolio.store.SbomIngestion;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What impact analysis answers, on every supported database. Inventories go in through {@link SbomIngestion}
 * as uploads do; findings and aliases, which other parts of the server write, are seeded as rows.
 */
abstract class ImpactAnalysisContract {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-01T10:00:00Z"), ZoneOffset.UTC);
    private static final String LOG4J_CORE = "pkg:maven/org.apache.logging.log4j/log4j-core";
    private static final String LOG4J_API = "pkg:maven/org.apache.logging.log4j/log4j-api@2.14.1";
    private static final String SPRING = "pkg:maven/org.springframework.boot/spring-boot@2.6.1";
    private static final String BELOW_2_17_1 = "vers:maven/<2.17.1";

    private PortfolioDatabase database;

    /** A database no other test has written to. */
    abstract PortfolioDatabase openFreshDatabase();

    @BeforeEach
    void open() {
        database = openFreshDatabase();
    }

    @AfterEach
    void close() {
        database.close();
    }

    @Test
    void byPackage_range_listsVersionsInsideItWithTagsDigestsAndPaths() {
        upload("shop", "1.4.0", Set.of("prod", "eu"), app("shop", "1.4.0", "2.14.1"));
        upload("shop", "1.5.0", Set.of("prod"), app("shop", "1.5.0", "2.17.1"));
        IngestResult billing = upload("billing", "7", Set.of(), app("billing", "7", "2.14.1"));
        linkImage(billing.versionId(), "sha256:" + "b".repeat(64));
        linkImage(billing.versionId(), "sha256:" + "a".repeat(64));

        ImpactReport report = analysis().byPackage(LOG4J_CORE, Optional.of(BELOW_2_17_1));

        assertThat(report.query()).isEqualTo(new ImpactQuery(LOG4J_CORE, BELOW_2_17_1, null, List.of()));
        assertThat(report.truncated()).isFalse();
        assertThat(report.affected())
                .containsExactly(
                        new Affected(
                                "billing",
                                "7",
                                List.of(),
                                List.of("sha256:" + "a".repeat(64), "sha256:" + "b".repeat(64)),
                                new AffectedComponent(LOG4J_CORE + "@2.14.1", "2.14.1"),
                                List.of(List.of(subject("billing", "7"), LOG4J_CORE + "@2.14.1"))),
                        new Affected(
                                "shop",
                                "1.4.0",
                                List.of("eu", "prod"),
                                List.of(),
                                new AffectedComponent(LOG4J_CORE + "@2.14.1", "2.14.1"),
                                List.of(List.of(subject("shop", "1.4.0"), LOG4J_CORE + "@2.14.1"))));
        assertThat(report.tookMs()).isNotNegative();
    }

    @Test
    void byPackage_range_usesMavenVersionOrderNotStringOrder() {
        upload("a", "1", Set.of(), app("a", "1", "2.9.1"));
        upload("b", "1", Set.of(), app("b", "1", "2.10.0"));
        upload("c", "1", Set.of(), app("c", "1", "2.17.1-rc1"));
        upload("d", "1", Set.of(), app("d", "1", "2.17.1"));

        assertThat(projects(analysis().byPackage(LOG4J_CORE, Optional.of(BELOW_2_17_1))))
                .containsExactly("a", "b", "c");
        assertThat(projects(analysis().byPackage(LOG4J_CORE, Optional.of("vers:maven/>=2.10.0|<2.17.1"))))
                .containsExactly("b", "c");
        assertThat(projects(analysis().byPackage(LOG4J_CORE, Optional.of("vers:maven/*"))))
                .containsExactly("a", "b", "c", "d");
        assertThat(projects(analysis().byPackage(LOG4J_CORE, Optional.empty()))).containsExactly("a", "b", "c", "d");
    }

    @Test
    void byPackage_versionInPurl_isThatVersionExactly() {
        upload("a", "1", Set.of(), app("a", "1", "2.14.1"));
        upload("b", "1", Set.of(), app("b", "1", "2.14.0"));

        ImpactReport report = analysis().byPackage(LOG4J_CORE + "@2.14.1", Optional.empty());

        assertThat(projects(report)).containsExactly("a");
        assertThat(report.query().range()).isEqualTo("2.14.1");
    }

    @Test
    void byPackage_replacedInventory_isNoLongerReported() {
        upload("shop", "1.4.0", Set.of(), app("shop", "1.4.0", "2.14.1"));
        upload("shop", "1.4.0", Set.of(), app("shop", "1.4.0", "2.17.1"));

        assertThat(analysis().byPackage(LOG4J_CORE, Optional.of(BELOW_2_17_1)).affected())
                .isEmpty();
        assertThat(analysis().byPackage(LOG4J_CORE, Optional.empty()).affected())
                .extracting(affected -> affected.component().version())
                .containsExactly("2.17.1");
    }

    @Test
    void byPackage_purlWrittenDifferently_findsTheSamePackage() {
        String scoped = "pkg:npm/%40acme/widgets@1.2.0";
        upload("web", "3", Set.of(), CycloneDx.json("pkg:npm/web@3", List.of(scoped), Map.of()));

        for (String asked : List.of("pkg:npm/%40acme/widgets", " pkg:NPM/%40acme/widgets?os=linux#lib ")) {
            assertThat(projects(analysis().byPackage(asked, Optional.of("vers:npm/>=1.0.0|<2.0.0"))))
                    .as(asked)
                    .containsExactly("web");
        }
    }

    @Test
    void byPackage_paths_shortestFirstFromTheSubjectAndBounded() {
        String subject = "pkg:maven/com.acme/shop@1";
        String log4j = LOG4J_CORE + "@2.14.1";
        String web = "pkg:maven/com.acme/web@1";
        String core = "pkg:maven/com.acme/core@1";
        Map<String, List<String>> edges = new LinkedHashMap<>();
        edges.put(subject, List.of(web, log4j));
        edges.put(web, List.of(core));
        edges.put(core, List.of(log4j));
        upload("shop", "1", Set.of(), CycloneDx.json(subject, List.of(log4j, web, core), edges));

        assertThat(analysis()
                        .byPackage(LOG4J_CORE, Optional.empty())
                        .affected()
                        .getFirst()
                        .paths())
                .as("by default, the shortest path stored at ingest")
                .containsExactly(List.of(subject, log4j));
        assertThat(new ImpactAnalysis(database, new ImpactLimits(10, 3, 16))
                        .byPackage(LOG4J_CORE, Optional.empty())
                        .affected()
                        .getFirst()
                        .paths())
                .as("more paths are walked")
                .containsExactly(List.of(subject, log4j), List.of(subject, web, core, log4j));
        assertThat(new ImpactAnalysis(database, new ImpactLimits(10, 1, 16))
                        .byPackage(LOG4J_CORE, Optional.empty())
                        .affected()
                        .getFirst()
                        .paths())
                .containsExactly(List.of(subject, log4j));
        assertThat(new ImpactAnalysis(database, new ImpactLimits(10, 5, 0))
                        .byPackage(LOG4J_CORE, Optional.empty())
                        .affected()
                        .getFirst()
                        .paths())
                .as("no edge may be walked, so no root is reached")
                .isEmpty();
    }

    @Test
    void byPackage_rowWithoutAStoredPath_walksTheGraphToTheSamePath() {
        String subject = "pkg:maven/com.acme/shop@1";
        String log4j = LOG4J_CORE + "@2.14.1";
        String web = "pkg:maven/com.acme/web@1";
        Map<String, List<String>> edges = new LinkedHashMap<>();
        edges.put(subject, List.of(web));
        edges.put(web, List.of(log4j));
        upload("shop", "1", Set.of(), CycloneDx.json(subject, List.of(log4j, web), edges));
        List<List<String>> stored = analysis()
                .byPackage(LOG4J_CORE, Optional.empty())
                .affected()
                .getFirst()
                .paths();

        int cleared = database.jdbi()
                .withHandle(handle -> handle.createUpdate("UPDATE components SET root_path = NULL")
                        .execute());

        assertThat(cleared).isEqualTo(3);
        assertThat(stored).containsExactly(List.of(subject, web, log4j));
        assertThat(analysis()
                        .byPackage(LOG4J_CORE, Optional.empty())
                        .affected()
                        .getFirst()
                        .paths())
                .isEqualTo(stored);
    }

    @Test
    void byPackage_componentOutsideTheGraph_isItsOwnPath() {
        upload(
                "lib",
                "1",
                Set.of(),
                CycloneDx.json("pkg:maven/com.acme/lib@1", List.of(LOG4J_CORE + "@2.0"), Map.of()));

        assertThat(analysis()
                        .byPackage(LOG4J_CORE, Optional.empty())
                        .affected()
                        .getFirst()
                        .paths())
                .containsExactly(List.of(LOG4J_CORE + "@2.0"));
    }

    @Test
    void byPackage_moreAffectedThanTheLimit_isTruncatedInOrder() {
        for (String project : List.of("c", "a", "b")) {
            upload(project, "1", Set.of(), app(project, "1", "2.14.1"));
        }

        ImpactReport report =
                new ImpactAnalysis(database, new ImpactLimits(2, 3, 16)).byPackage(LOG4J_CORE, Optional.empty());

        assertThat(report.truncated()).isTrue();
        assertThat(projects(report)).containsExactly("a", "b");
    }

    @Test
    void byPackage_versionTheRangeCannotOrder_isReportedAsUnordered() {
        upload("web", "1", Set.of(), CycloneDx.json("pkg:npm/web@1", List.of("pkg:npm/left-pad@1.1.0"), Map.of()));
        upload("web", "2", Set.of(), CycloneDx.json("pkg:npm/web@2", List.of("pkg:npm/left-pad@nightly"), Map.of()));

        ImpactReport report = analysis().byPackage("pkg:npm/left-pad", Optional.of("vers:npm/<2.0.0"));

        assertThat(report.affected()).extracting(Affected::version).containsExactly("1");
        assertThat(report.unorderedVersions()).containsExactly("nightly");
    }

    @Test
    void byPackage_unknownPackage_isAnEmptyAnswer() {
        upload("shop", "1", Set.of(), app("shop", "1", "2.14.1"));

        ImpactReport report = analysis().byPackage("pkg:maven/org.example/absent", Optional.of("vers:maven/<1"));

        assertThat(report.affected()).isEmpty();
        assertThat(report.truncated()).isFalse();
    }

    @Test
    void byPackage_badInput_isInvalidInputWithAClearMessage() {
        assertInvalid(() -> analysis().byPackage("log4j-core", Optional.empty()), "not a valid package URL");
        assertInvalid(() -> analysis().byPackage("", Optional.empty()), "must not be empty");
        assertInvalid(() -> analysis().byPackage("pkg:maven/" + "a".repeat(5000), Optional.empty()), "longer than");
        assertInvalid(
                () -> analysis().byPackage(LOG4J_CORE, Optional.of("maven/<2.17.1")),
                "expected vers:<type>/<constraints>");
        assertInvalid(() -> analysis().byPackage(LOG4J_CORE, Optional.of("vers:maven/<")), "has no version");
        assertInvalid(() -> analysis().byPackage(LOG4J_CORE, Optional.of("vers:maven/")), "no constraints");
        assertInvalid(() -> analysis().byPackage(LOG4J_CORE, Optional.of("vers:maven/<1||")), "has no version");
        assertInvalid(
                () -> analysis().byPackage("pkg:npm/left-pad", Optional.of("vers:npm/<banana")),
                "'banana' is not a semver version");
        assertInvalid(
                () -> analysis().byPackage(LOG4J_CORE, Optional.of("vers:cobol/<1.0")), "unknown ecosystem 'cobol'");
        assertInvalid(
                () -> analysis().byPackage("pkg:github/acme/tool", Optional.of("vers:generic/<1.0")),
                "unknown ecosystem 'github'");
        assertInvalid(
                () -> analysis().byPackage(LOG4J_CORE, Optional.of("vers:pypi/<1.0")),
                "is not the one of maven packages");
        assertInvalid(() -> analysis().byPackage(LOG4J_CORE + "@2.14.1", Optional.of(BELOW_2_17_1)), "not both");
        assertInvalid(
                () -> analysis().byPackage(LOG4J_CORE, Optional.of("vers:maven/<" + "1|<".repeat(3000) + "1")),
                "longer than");
    }

    @Test
    void byVulnerability_anyAlias_findsTheComponentsItsFindingsAreOn() {
        IngestResult shop = upload("shop", "1.4.0", Set.of("prod"), app("shop", "1.4.0", "2.14.1"));
        upload("shop", "1.5.0", Set.of("prod"), app("shop", "1.5.0", "2.17.1"));
        IngestResult billing = upload("billing", "7", Set.of(), app("billing", "7", "2.14.1"));
        alias("CVE-2021-44228", "GHSA-jfh8-c2jp-5v3q");
        alias("GHSA-jfh8-c2jp-5v3q", "GHSA-jfh8-c2jp-5v3q");
        finding(shop.versionId(), LOG4J_CORE + "@2.14.1", "GHSA-jfh8-c2jp-5v3q");
        finding(billing.versionId(), LOG4J_CORE + "@2.14.1", "GHSA-jfh8-c2jp-5v3q");
        finding(billing.versionId(), LOG4J_API, "GHSA-jfh8-c2jp-5v3q");
        finding(billing.versionId(), SPRING, "GHSA-other");

        for (String asked : List.of("CVE-2021-44228", "cve-2021-44228", "GHSA-jfh8-c2jp-5v3q", " CVE-2021-44228 ")) {
            ImpactReport report = analysis().byVulnerability(asked);
            assertThat(report.affected())
                    .as(asked)
                    .extracting(affected -> affected.project() + "@" + affected.version() + " "
                            + affected.component().purl())
                    .containsExactly(
                            "billing@7 " + LOG4J_API,
                            "billing@7 " + LOG4J_CORE + "@2.14.1",
                            "shop@1.4.0 " + LOG4J_CORE + "@2.14.1");
            assertThat(report.query().vulnerabilityIds()).as(asked).contains("GHSA-jfh8-c2jp-5v3q");
        }
        Affected viaApi =
                analysis().byVulnerability("CVE-2021-44228").affected().getFirst();
        assertThat(viaApi.paths()).containsExactly(List.of(subject("billing", "7"), LOG4J_CORE + "@2.14.1", LOG4J_API));
        assertThat(analysis().byVulnerability("CVE-2021-44228").query().vulnerability())
                .isEqualTo("CVE-2021-44228");
    }

    @Test
    void byVulnerability_unknownOrWithoutFindings_isAnEmptyAnswer() {
        upload("shop", "1.4.0", Set.of(), app("shop", "1.4.0", "2.14.1"));
        alias("CVE-2099-0001", "GHSA-none");

        assertThat(analysis().byVulnerability("CVE-2099-0001").affected()).isEmpty();
        assertThat(analysis().byVulnerability("CVE-2099-0002").affected()).isEmpty();
    }

    @Test
    void byVulnerability_badInput_isInvalidInput() {
        assertInvalid(() -> analysis().byVulnerability(" "), "must not be empty");
        assertInvalid(() -> analysis().byVulnerability(null), "must not be empty");
        assertInvalid(() -> analysis().byVulnerability("CVE-" + "1".repeat(300)), "longer than");
    }

    private ImpactAnalysis analysis() {
        return new ImpactAnalysis(database);
    }

    private IngestResult upload(String project, String version, Set<String> tags, String json) {
        return new SbomIngestion(database, CLOCK)
                .ingest(new IngestRequest(
                        project,
                        version,
                        tags,
                        SbomUploads.read(json.getBytes(StandardCharsets.UTF_8), "upload.json", 1 << 20),
                        "test"));
    }

    /** An application whose subject depends on log4j-core, which depends on log4j-api; spring on the side. */
    private static String app(String project, String version, String log4jVersion) {
        String subject = subject(project, version);
        String log4j = LOG4J_CORE + "@" + log4jVersion;
        return CycloneDx.json(
                subject,
                List.of(log4j, LOG4J_API, SPRING),
                Map.of(subject, List.of(log4j, SPRING), log4j, List.of(LOG4J_API)));
    }

    private static String subject(String project, String version) {
        return "pkg:maven/com.acme/" + project + "@" + version;
    }

    private void linkImage(long versionId, String digest) {
        database.jdbi()
                .useHandle(handle -> handle.createUpdate("""
                                INSERT INTO image_digests (version_id, digest, repository, linked_at)
                                VALUES (:version, :digest, 'registry.example/shop', :now)""")
                        .bind("version", versionId)
                        .bind("digest", digest)
                        .bind("now", OffsetDateTime.now(CLOCK))
                        .execute());
    }

    private void alias(String alias, String vulnerabilityId) {
        database.jdbi()
                .useHandle(handle -> handle.execute(
                        "INSERT INTO vulnerability_aliases (alias, vulnerability_id) VALUES (?, ?)",
                        alias,
                        vulnerabilityId));
    }

    private void finding(long versionId, String purl, String vulnerabilityId) {
        database.jdbi()
                .useHandle(handle -> handle.createUpdate("""
                                INSERT INTO findings (version_id, component_id, vulnerability_id, severity, first_seen)
                                SELECT version_id, id, :vulnerability, 'critical', :now FROM components
                                WHERE version_id = :version AND purl = :purl""")
                        .bind("version", versionId)
                        .bind("purl", purl)
                        .bind("vulnerability", vulnerabilityId)
                        .bind("now", OffsetDateTime.now(CLOCK))
                        .execute());
    }

    private static List<String> projects(ImpactReport report) {
        return report.affected().stream().map(Affected::project).collect(Collectors.toList());
    }

    private static void assertInvalid(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String message) {
        assertThatThrownBy(call).isInstanceOf(InvalidInputException.class).hasMessageContaining(message);
    }

    /** CycloneDX JSON written out as text; bom-refs are the purls, as Assay's own SBOMs have them. */
    static final class CycloneDx {
        private CycloneDx() {}

        static String json(String subject, List<String> components, Map<String, List<String>> dependsOn) {
            String componentJson = components.stream()
                    .map(purl -> "{\"type\":\"library\",\"bom-ref\":\"" + purl + "\",\"name\":\"" + name(purl)
                            + "\",\"version\":\"" + purl.substring(purl.indexOf('@') + 1) + "\",\"purl\":\"" + purl
                            + "\"}")
                    .collect(Collectors.joining(","));
            String dependencyJson = dependsOn.entrySet().stream()
                    .map(entry -> "{\"ref\":\"" + entry.getKey() + "\",\"dependsOn\":["
                            + entry.getValue().stream()
                                    .map(to -> "\"" + to + "\"")
                                    .collect(Collectors.joining(","))
                            + "]}")
                    .collect(Collectors.joining(","));
            return """
                    {"bomFormat":"CycloneDX","specVersion":"1.6","version":1,
                     "metadata":{"component":{"type":"application","bom-ref":"%s","name":"%s","version":"%s","purl":"%s"}},
                     "components":[%s],
                     "dependencies":[%s]}
                    """.formatted(
                            subject,
                            name(subject),
                            subject.substring(subject.indexOf('@') + 1),
                            subject,
                            componentJson,
                            dependencyJson);
        }

        private static String name(String purl) {
            String path = purl.substring(0, purl.indexOf('@'));
            return path.substring(path.lastIndexOf('/') + 1);
        }
    }
}
