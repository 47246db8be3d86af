package dev.assay.server.portfolio.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.assay.engine.UploadedSbom;
import dev.assay.model.InvalidInputException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The repository behaviour every supported database must show. Each database gets a subclass that says
 * how to open a fresh, empty one; the assertions are the same for all.
 */
abstract class SbomIngestionContract {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-01T10:00:00Z"), ZoneOffset.UTC);
    private static final String APP = "pkg:maven/com.acme/shop@1.4.0";
    private static final String LOG4J = "pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1";
    private static final String LOG4J_API = "pkg:maven/org.apache.logging.log4j/log4j-api@2.14.1";
    private static final String JACKSON = "pkg:maven/com.fasterxml.jackson.core/jackson-databind@2.15.0";
    private static final List<String> TABLES = List.of(
            "projects",
            "project_versions",
            "version_tags",
            "sbom_documents",
            "components",
            "dependency_edges",
            "audit_log");

    private PortfolioDatabase database;

    /** A database no other test has written to. */
    abstract PortfolioDatabase openFreshDatabase();

    /** The same database again, as a restarted server would open it. */
    abstract PortfolioDatabase reopen();

    @BeforeEach
    void open() {
        database = openFreshDatabase();
    }

    @AfterEach
    void close() {
        database.close();
    }

    @Test
    void ingest_cycloneDx_storesVersionComponentsEdgesTagsAndDocument() throws IOException {
        UploadedSbom upload = CycloneDxDocuments.upload(shop(LOG4J));

        IngestResult result =
                ingestion().ingest(new IngestRequest("shop", "1.4.0", Set.of("prod", "eu"), upload, "ci"));

        assertThat(result.outcome()).isEqualTo(IngestResult.Outcome.CREATED);
        assertThat(result.components()).isEqualTo(4); // three libraries and the application itself
        assertThat(result.dependencyEdges()).isEqualTo(3);
        assertThat(strings("SELECT tag FROM version_tags ORDER BY tag")).containsExactly("eu", "prod");
        assertThat(strings("SELECT purl_base FROM components WHERE pkg_version = '2.14.1' ORDER BY purl_base"))
                .containsExactly(
                        "pkg:maven/org.apache.logging.log4j/log4j-api",
                        "pkg:maven/org.apache.logging.log4j/log4j-core");
        assertThat(strings("SELECT purl FROM components WHERE is_subject")).containsExactly(APP);
        assertThat(strings("""
                        SELECT t.purl FROM dependency_edges e
                        JOIN components f ON f.id = e.from_component JOIN components t ON t.id = e.to_component
                        WHERE f.purl = '%s' ORDER BY t.purl""".formatted(LOG4J))).containsExactly(LOG4J_API);
        byte[] gzip = database.jdbi()
                .withHandle(handle -> handle.createQuery("SELECT gzip_content FROM sbom_documents")
                        .mapTo(byte[].class)
                        .one());
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(gzip))) {
            assertThat(in.readAllBytes()).isEqualTo(upload.document());
        }
        assertThat(strings("SELECT format FROM sbom_documents")).containsExactly("cyclonedx-json");
        assertThat(strings("SELECT action || ' ' || actor || ' ' || subject FROM audit_log"))
                .containsExactly("sbom.upload.created ci shop@1.4.0");
    }

    @Test
    void ingest_sameDocumentTwice_isOneVersionWithoutDuplicateRows() {
        String json = shop(LOG4J);
        IngestResult first = ingestion().ingest(request("shop", "1.4.0", json));
        Map<String, Long> countsAfterFirst = countsWithoutAudit();

        IngestResult second = ingestion().ingest(request("shop", "1.4.0", json));

        assertThat(second.outcome()).isEqualTo(IngestResult.Outcome.UNCHANGED);
        assertThat(second.versionId()).isEqualTo(first.versionId());
        assertThat(second.sbomId()).isEqualTo(first.sbomId());
        assertThat(second.components()).isEqualTo(first.components());
        assertThat(second.dependencyEdges()).isEqualTo(first.dependencyEdges());
        assertThat(countsWithoutAudit()).isEqualTo(countsAfterFirst);
        assertThat(count("project_versions")).isEqualTo(1);
    }

    @Test
    void ingest_differentDocumentForSameVersion_replacesInventoryAndKeepsBothDocuments() {
        ingestion().ingest(request("shop", "1.4.0", shop(LOG4J)));

        IngestResult replaced = ingestion()
                .ingest(request("shop", "1.4.0", shop("pkg:maven/org.apache.logging.log4j/log4j-core@2.17.1")));

        assertThat(replaced.outcome()).isEqualTo(IngestResult.Outcome.REPLACED);
        assertThat(count("project_versions")).isEqualTo(1);
        assertThat(count("sbom_documents")).isEqualTo(2);
        assertThat(
                        strings(
                                "SELECT pkg_version FROM components WHERE purl_base = 'pkg:maven/org.apache.logging.log4j/log4j-core'"))
                .containsExactly("2.17.1");
        assertThat(count("components")).isEqualTo(4);
    }

    @Test
    void ingest_failureAfterComponentsWereWritten_leavesNoRowsAtAll() {
        SbomIngestion failing = new SbomIngestion(database, CLOCK, () -> {
            throw new IllegalStateException("the disk filled up");
        });

        assertThatThrownBy(() -> failing.ingest(request("shop", "1.4.0", shop(LOG4J))))
                .isInstanceOf(IllegalStateException.class);

        assertThat(counts())
                .allSatisfy((table, rows) -> assertThat(rows).as(table).isZero());
    }

    @Test
    void ingest_valueTooLongForItsColumn_isInvalidInputAndWritesNothing() {
        ingestion().ingest(request("shop", "1.4.0", shop(LOG4J)));
        Map<String, Long> before = counts();
        String longVersion = "pkg:maven/org.example/huge@" + "9".repeat(300);

        assertThatThrownBy(() -> ingestion().ingest(request("shop", "1.5.0", shop(longVersion))))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("version");

        assertThat(counts()).isEqualTo(before);
    }

    @Test
    void ingest_earlierDocumentAgainAfterAReplacement_restoresItsInventory() {
        String first = shop(LOG4J);
        IngestResult original = ingestion().ingest(request("shop", "1.4.0", first));
        ingestion().ingest(request("shop", "1.4.0", shop("pkg:maven/org.apache.logging.log4j/log4j-core@2.17.1")));

        IngestResult restored = ingestion().ingest(request("shop", "1.4.0", first));

        assertThat(restored.outcome()).isEqualTo(IngestResult.Outcome.REPLACED);
        assertThat(restored.sbomId()).isEqualTo(original.sbomId());
        assertThat(count("sbom_documents")).isEqualTo(2);
        assertThat(
                        strings(
                                "SELECT pkg_version FROM components WHERE purl_base = 'pkg:maven/org.apache.logging.log4j/log4j-core'"))
                .containsExactly("2.14.1");
        assertThat(ingestion().ingest(request("shop", "1.4.0", first)).outcome())
                .isEqualTo(IngestResult.Outcome.UNCHANGED);
    }

    @Test
    void ingest_thousandComponents_storesEveryComponentAndEdge() {
        List<String> purls = new ArrayList<>();
        Map<String, List<String>> edges = new LinkedHashMap<>();
        for (int index = 0; index < 1_000; index++) {
            purls.add("pkg:npm/%%40acme/module-%04d@1.%d.0".formatted(index, index % 7));
        }
        edges.put(APP, purls.subList(0, 10));
        for (int index = 10; index < 1_000; index++) {
            edges.computeIfAbsent(purls.get(index / 10 - 1), from -> new ArrayList<>())
                    .add(purls.get(index));
        }

        IngestResult result = ingestion().ingest(request("big", "1", CycloneDxDocuments.json(APP, purls, edges)));

        assertThat(result.components()).isEqualTo(1_001);
        assertThat(result.dependencyEdges()).isEqualTo(1_000);
        assertThat(count("components")).isEqualTo(1_001);
        assertThat(count("dependency_edges")).isEqualTo(1_000);
    }

    @Test
    void ingest_concurrentUploadsOfOneDocument_storeOneVersionAndOneDocument() throws Exception {
        String json = shop(LOG4J);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<IngestResult>> uploads = new ArrayList<>();
            for (int index = 0; index < 8; index++) {
                uploads.add(pool.submit(() -> ingestion().ingest(request("shop", "1.4.0", json))));
            }
            List<IngestResult.Outcome> outcomes = new ArrayList<>();
            for (Future<IngestResult> upload : uploads) {
                outcomes.add(upload.get().outcome());
            }
            assertThat(outcomes)
                    .containsOnlyOnce(IngestResult.Outcome.CREATED)
                    .containsOnly(IngestResult.Outcome.CREATED, IngestResult.Outcome.UNCHANGED);
        } finally {
            pool.shutdownNow();
        }
        assertThat(count("projects")).isEqualTo(1);
        assertThat(count("project_versions")).isEqualTo(1);
        assertThat(count("sbom_documents")).isEqualTo(1);
        assertThat(count("components")).isEqualTo(4);
    }

    @Test
    void packageLookup_acrossVersions_findsEveryVersionContainingThePackage() {
        ingestion().ingest(request("shop", "1.4.0", shop(LOG4J)));
        ingestion().ingest(request("shop", "1.5.0", shop("pkg:maven/org.apache.logging.log4j/log4j-core@2.17.1")));
        ingestion().ingest(request("billing", "7", shop(LOG4J)));

        List<String> found = strings("""
                SELECT p.name || '@' || v.version || ' ' || c.pkg_version FROM components c
                JOIN project_versions v ON v.id = c.version_id JOIN projects p ON p.id = v.project_id
                WHERE c.purl_base = 'pkg:maven/org.apache.logging.log4j/log4j-core' AND c.pkg_version IN ('2.14.1')
                ORDER BY 1""");

        assertThat(found).containsExactly("billing@7 2.14.1", "shop@1.4.0 2.14.1");
    }

    @Test
    void reopen_migratedDatabase_keepsDataAndDoesNotMigrateAgain() {
        ingestion().ingest(request("shop", "1.4.0", shop(LOG4J)));
        // H2 also records the schema's creation in the history, without a version: count migrations only.
        // Compared before and after rather than listed, so that a new migration does not break this test.
        String migrations =
                "SELECT version FROM flyway_schema_history WHERE version IS NOT NULL ORDER BY installed_rank";
        List<String> before = strings(migrations);
        database.close();

        database = reopen();

        assertThat(count("components")).isEqualTo(4);
        assertThat(before).startsWith("1").doesNotHaveDuplicates();
        assertThat(strings(migrations)).isEqualTo(before);
    }

    @Test
    void recover_wholePortfolio_changesNothing() {
        ingestion().ingest(request("shop", "1.4.0", shop(LOG4J)));
        ingestion().ingest(request("shop", "1.5.0", shop(LOG4J)));
        // A replaced inventory, then the first document made current again: older document ids are current.
        ingestion().ingest(request("shop", "1.5.0", shop("pkg:maven/org.apache.logging.log4j/log4j-core@2.17.1")));
        ingestion().ingest(request("shop", "1.5.0", shop(LOG4J)));
        Map<String, Long> before = counts();

        InventoryRecovery.Report report = recovery().recover();

        assertThat(report.isEmpty()).isTrue();
        assertThat(counts()).isEqualTo(before);
    }

    @Test
    void recover_someComponentsAndEdgesMissing_rebuildsTheWholeInventoryFromTheStoredDocument() {
        ingestion().ingest(request("shop", "1.4.0", shop(LOG4J)));
        IngestResult damaged = ingestion().ingest(request("shop", "1.5.0", shop(LOG4J)));
        Map<String, Long> whole = countsWithoutAudit();
        List<String> purls =
                strings("SELECT purl FROM components WHERE version_id = " + damaged.versionId() + " ORDER BY purl");
        // What a crash in the middle of the commit left: the last components and one edge are gone.
        execute("DELETE FROM dependency_edges WHERE version_id = " + damaged.versionId()
                + " AND from_component = (SELECT MIN(from_component) FROM dependency_edges)");
        execute("DELETE FROM components WHERE version_id = " + damaged.versionId() + " AND purl = '" + JACKSON + "'");

        InventoryRecovery.Report report = recovery().recover();

        assertThat(report.rebuilt()).containsExactly("shop@1.5.0");
        assertThat(report.removed()).isEmpty();
        assertThat(countsWithoutAudit()).isEqualTo(whole);
        assertThat(strings("SELECT purl FROM components WHERE version_id = " + damaged.versionId() + " ORDER BY purl"))
                .isEqualTo(purls);
        assertThat(strings(
                        "SELECT action || ' ' || actor || ' ' || subject FROM audit_log WHERE actor = 'assay-server'"))
                .containsExactly("sbom.inventory.rebuilt assay-server shop@1.5.0");
        assertThat(strings("SELECT version FROM project_versions WHERE match_pending ORDER BY version"))
                .containsExactly("1.4.0", "1.5.0"); // neither was matched after its upload in this test
        assertThat(recovery().recover().isEmpty()).isTrue();
    }

    @Test
    void recover_documentStoredButNeverMadeCurrent_rebuildsFromIt() {
        IngestResult result = ingestion().ingest(request("shop", "1.4.0", shop(LOG4J)));
        execute("UPDATE project_versions SET current_sbom_id = NULL");
        execute("DELETE FROM components");

        InventoryRecovery.Report report = recovery().recover();

        assertThat(report.rebuilt()).containsExactly("shop@1.4.0");
        assertThat(count("components")).isEqualTo(4);
        assertThat(count("dependency_edges")).isEqualTo(3);
        assertThat(strings("SELECT CAST(current_sbom_id AS VARCHAR(20)) FROM project_versions"))
                .containsExactly(Long.toString(result.sbomId()));
    }

    @Test
    void recover_versionWithoutAnyDocument_isRemovedAndTheOthersKept() {
        ingestion().ingest(request("shop", "1.4.0", shop(LOG4J)));
        execute("""
                INSERT INTO project_versions (project_id, version, created_at, updated_at)
                SELECT id, '1.5.0', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP FROM projects""");

        InventoryRecovery.Report report = recovery().recover();

        assertThat(report.removed()).containsExactly("shop@1.5.0");
        assertThat(report.rebuilt()).isEmpty();
        assertThat(strings("SELECT version FROM project_versions")).containsExactly("1.4.0");
        assertThat(strings("SELECT action || ' ' || subject FROM audit_log WHERE actor = 'assay-server'"))
                .containsExactly("version.removed shop@1.5.0");
    }

    @Test
    void recover_currentDocumentDamaged_fallsBackToTheNewestIntactOne() {
        String older = shop(LOG4J);
        ingestion().ingest(request("shop", "1.4.0", older));
        ingestion().ingest(request("shop", "1.4.0", shop("pkg:maven/org.apache.logging.log4j/log4j-core@2.17.1")));
        execute("""
                UPDATE sbom_documents SET content_sha256 = '0000000000000000000000000000000000000000000000000000000000000000'
                WHERE id = (SELECT current_sbom_id FROM project_versions)""");
        execute("DELETE FROM components WHERE pkg_version = '2.17.1'");

        InventoryRecovery.Report report = recovery().recover();

        assertThat(report.rebuilt()).containsExactly("shop@1.4.0");
        assertThat(strings("SELECT purl FROM components WHERE name = 'log4j-core'"))
                .containsExactly(LOG4J);
    }

    private InventoryRecovery recovery() {
        return new InventoryRecovery(database, CLOCK);
    }

    private void execute(String sql) {
        database.jdbi().useHandle(handle -> handle.execute(sql));
    }

    private SbomIngestion ingestion() {
        return new SbomIngestion(database, CLOCK);
    }

    private static IngestRequest request(String project, String version, String json) {
        return new IngestRequest(project, version, Set.of("prod"), CycloneDxDocuments.upload(json), "ci");
    }

    private static String shop(String log4j) {
        return CycloneDxDocuments.json(
                APP,
                List.of(log4j, LOG4J_API, JACKSON),
                Map.of(APP, List.of(log4j, JACKSON), log4j, List.of(LOG4J_API)));
    }

    private Map<String, Long> counts() {
        Map<String, Long> counts = new LinkedHashMap<>();
        TABLES.forEach(table -> counts.put(table, count(table)));
        return counts;
    }

    private Map<String, Long> countsWithoutAudit() {
        Map<String, Long> counts = counts();
        counts.remove("audit_log");
        return counts;
    }

    private long count(String table) {
        return database.jdbi()
                .withHandle(handle -> handle.createQuery("SELECT COUNT(*) FROM " + table)
                        .mapTo(Long.class)
                        .one());
    }

    private List<String> strings(String sql) {
        return database.jdbi()
                .withHandle(
                        handle -> handle.createQuery(sql).mapTo(String.class).list());
    }
}
