package dev.assay.server.portfolio.store;

import dev.assay.engine.SbomUploads;
import dev.assay.engine.UploadedSbom;
import dev.assay.model.InvalidInputException;
import dev.assay.server.portfolio.audit.AuditLog;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.JdbiException;

/**
 * Finds the versions whose stored inventory does not match their document, and mends them before the
 * server answers anyone. PostgreSQL applies a transaction whole or not at all, even when the server is
 * killed; the embedded H2 engine, killed while it commits a large upload, has come back with only part of
 * that transaction applied (a version with some of its components, or a version row and nothing else).
 * Every upload stores its document, so the inventory is rebuilt from it; a version with no document left
 * was never acknowledged, and is removed.
 */
public final class InventoryRecovery {
    private final PortfolioDatabase database;
    private final SbomIngestion ingestion;
    private final Clock clock;

    public InventoryRecovery(PortfolioDatabase database, Clock clock) {
        this.database = database;
        this.ingestion = new SbomIngestion(database, clock);
        this.clock = clock;
    }

    /**
     * What {@link #recover} changed, as {@code project@version} names.
     *
     * @param rebuilt versions whose inventory was rebuilt from a stored document
     * @param removed versions removed because no stored document could rebuild them
     */
    public record Report(List<String> rebuilt, List<String> removed) {
        public boolean isEmpty() {
            return rebuilt.isEmpty() && removed.isEmpty();
        }
    }

    /** Whether this database can hold a partly applied transaction after a crash, so that a check is needed. */
    public static boolean isNeeded(PortfolioDatabase database) {
        return database.dialect() == PortfolioDatabase.Dialect.H2;
    }

    /**
     * Checks every version once: one query compares each version's component and edge counts with what its
     * current document produced.
     *
     * @throws UnableToUsePortfolioDatabaseException when the database cannot be read or written
     */
    public Report recover() {
        List<String> rebuilt = new ArrayList<>();
        List<String> removed = new ArrayList<>();
        for (Suspect suspect : suspects()) {
            Optional<Long> source = rebuildFrom(suspect);
            if (source.isPresent()) {
                rebuilt.add(suspect.name());
            } else {
                remove(suspect);
                removed.add(suspect.name());
            }
        }
        return new Report(List.copyOf(rebuilt), List.copyOf(removed));
    }

    /** A version whose inventory is not what its current document produced, or that has no document. */
    private record Suspect(long versionId, String name, Long currentSbomId) {}

    private List<Suspect> suspects() {
        return using(
                "check the stored inventories",
                handle -> handle
                        .createQuery("""
                        SELECT v.id, p.name || '@' || v.version AS name, v.current_sbom_id,
                            d.component_count, d.edge_count,
                            (SELECT COUNT(*) FROM components c WHERE c.version_id = v.id) AS components,
                            (SELECT COUNT(*) FROM dependency_edges e WHERE e.version_id = v.id) AS edges
                        FROM project_versions v
                        JOIN projects p ON p.id = v.project_id
                        LEFT JOIN sbom_documents d ON d.id = v.current_sbom_id
                        ORDER BY v.id""")
                        .map((row, context) -> {
                            Long current = row.getObject("current_sbom_id", Long.class);
                            Integer expectedComponents = row.getObject("component_count", Integer.class);
                            Integer expectedEdges = row.getObject("edge_count", Integer.class);
                            boolean whole = current != null
                                    && expectedComponents != null
                                    && row.getLong("components") == expectedComponents
                                    && (expectedEdges == null || row.getLong("edges") == expectedEdges);
                            return whole ? null : new Suspect(row.getLong("id"), row.getString("name"), current);
                        })
                        .list()
                        .stream()
                        .filter(suspect -> suspect != null)
                        .toList());
    }

    /** Rebuilds from the current document if it reads back intact, else from the newest one that does. */
    private Optional<Long> rebuildFrom(Suspect suspect) {
        List<Long> candidates = using(
                "list the documents of " + suspect.name(),
                handle -> handle.createQuery("""
                        SELECT id FROM sbom_documents WHERE version_id = :version
                        ORDER BY CASE WHEN id = :current THEN 0 ELSE 1 END, id DESC""")
                        .bind("version", suspect.versionId())
                        .bind("current", suspect.currentSbomId() == null ? -1L : suspect.currentSbomId())
                        .mapTo(Long.class)
                        .list());
        for (long sbomId : candidates) {
            Optional<UploadedSbom> document = storedDocument(sbomId);
            if (document.isPresent()) {
                ingestion.rebuild(suspect.versionId(), sbomId, document.get());
                return Optional.of(sbomId);
            }
        }
        return Optional.empty();
    }

    /** The stored document, or empty when it no longer reads back as what was uploaded. */
    private Optional<UploadedSbom> storedDocument(long sbomId) {
        record Stored(byte[] gzip, String sha256, long bytes) {}
        Stored stored = using(
                "read stored document " + sbomId,
                handle -> handle.createQuery(
                                "SELECT gzip_content, content_sha256, document_bytes FROM sbom_documents WHERE id = :id")
                        .bind("id", sbomId)
                        .map((row, context) -> new Stored(
                                row.getBytes("gzip_content"),
                                row.getString("content_sha256"),
                                row.getLong("document_bytes")))
                        .one());
        try {
            UploadedSbom document = SbomUploads.read(stored.gzip(), "stored document " + sbomId, stored.bytes());
            return SbomIngestion.sha256(document.document()).equals(stored.sha256())
                    ? Optional.of(document)
                    : Optional.empty();
        } catch (InvalidInputException unreadable) {
            return Optional.empty();
        }
    }

    private void remove(Suspect suspect) {
        OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
        using(
                "remove " + suspect.name(),
                handle -> handle.inTransaction(transaction -> {
                    transaction
                            .createUpdate("DELETE FROM project_versions WHERE id = :version")
                            .bind("version", suspect.versionId())
                            .execute();
                    AuditLog.record(
                            transaction,
                            now,
                            SbomIngestion.RECOVERY_ACTOR,
                            "version.removed",
                            suspect.name(),
                            "an unfinished upload left no readable document");
                    return null;
                }));
    }

    private <T> T using(String what, org.jdbi.v3.core.HandleCallback<T, RuntimeException> work) {
        try {
            return database.jdbi().withHandle(work);
        } catch (JdbiException e) {
            throw new UnableToUsePortfolioDatabaseException(
                    "cannot " + what + ": " + e.getMessage(), "portfolio database", e);
        }
    }
}
