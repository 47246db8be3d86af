package dev.assay.server.portfolio.store;

import dev.assay.engine.UploadedSbom;
import dev.assay.model.Component;
import dev.assay.model.InvalidInputException;
import dev.assay.model.Purl;
import dev.assay.model.Relationship;
import dev.assay.model.Sbom;
import dev.assay.server.portfolio.audit.AuditLog;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.zip.GZIPOutputStream;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.JdbiException;
import org.jdbi.v3.core.statement.PreparedBatch;

/**
 * Stores an SBOM as the inventory of a project version, all or nothing: the project, version, tags,
 * document, components and dependency edges are written in one transaction, so a failure (or a killed
 * server) leaves no partial version behind. Uploading the same document for the same version again changes
 * nothing; a different document replaces the version's inventory and is kept beside the earlier ones.
 */
public final class SbomIngestion {
    private static final int BATCH_SIZE = 500;
    private static final int ATTEMPTS = 3;
    private static final String UNIQUE_VIOLATION = "23505";
    /** The audit log's actor for changes the server makes on its own when it starts. */
    static final String RECOVERY_ACTOR = "assay-server";

    private final PortfolioDatabase database;
    private final Clock clock;
    private final Runnable afterComponents;

    public SbomIngestion(PortfolioDatabase database, Clock clock) {
        this(database, clock, () -> {});
    }

    /** {@code afterComponents} runs inside the transaction once the components are written; tests fail there. */
    SbomIngestion(PortfolioDatabase database, Clock clock, Runnable afterComponents) {
        this.database = database;
        this.clock = clock;
        this.afterComponents = afterComponents;
    }

    /**
     * @throws InvalidInputException when a value is too long to store (a hostile or broken SBOM)
     * @throws UnableToUsePortfolioDatabaseException when the database refuses the write; nothing is stored
     */
    public IngestResult ingest(IngestRequest request) {
        List<ComponentRow> rows = componentRows(request.sbom().sbom());
        Map<String, String> rootPaths = rootPaths(rows, request.sbom().sbom().relationships());
        String sha256 = sha256(request.sbom().document());
        byte[] gzip = gzip(request.sbom().document());
        // Two uploads creating the same project or version at once: one of them hits a unique constraint,
        // and its retry finds the row the other created.
        for (int attempt = 1; ; attempt++) {
            try {
                return database.jdbi().inTransaction(handle -> ingest(handle, request, rows, rootPaths, sha256, gzip));
            } catch (JdbiException e) {
                if (attempt < ATTEMPTS && isUniqueViolation(e)) {
                    continue;
                }
                throw new UnableToUsePortfolioDatabaseException(
                        "cannot store the SBOM for " + request.project() + "@" + request.version() + ": "
                                + e.getMessage(),
                        request.project() + "@" + request.version(),
                        e);
            }
        }
    }

    private IngestResult ingest(
            Handle handle,
            IngestRequest request,
            List<ComponentRow> rows,
            Map<String, String> rootPaths,
            String sha256,
            byte[] gzip) {
        OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
        long projectId = projectId(handle, request.project(), now);
        VersionRow version = version(handle, projectId, request.version(), now);
        long versionId = version.id();
        addTags(handle, versionId, request.tags());

        Optional<Long> existing = handle.createQuery(
                        "SELECT id FROM sbom_documents WHERE version_id = :version AND content_sha256 = :sha")
                .bind("version", versionId)
                .bind("sha", sha256)
                .mapTo(Long.class)
                .findOne();
        if (existing.isPresent() && existing.equals(version.currentSbomId())) {
            int components = handle.createQuery("SELECT COUNT(*) FROM components WHERE version_id = :version")
                    .bind("version", versionId)
                    .mapTo(Integer.class)
                    .one();
            int edges = handle.createQuery("SELECT COUNT(*) FROM dependency_edges WHERE version_id = :version")
                    .bind("version", versionId)
                    .mapTo(Integer.class)
                    .one();
            audit(handle, request, now, "sbom.upload.unchanged", sha256);
            return new IngestResult(
                    projectId, versionId, existing.get(), IngestResult.Outcome.UNCHANGED, components, edges, sha256);
        }

        // A document stored earlier but since replaced becomes current again: its inventory is rebuilt
        // from this upload (the same bytes), and no second copy of it is stored.
        boolean replacing = version.currentSbomId().isPresent();
        if (replacing) {
            for (String table : List.of("dependency_edges", "findings", "components")) {
                handle.createUpdate("DELETE FROM " + table + " WHERE version_id = :version")
                        .bind("version", versionId)
                        .execute();
            }
        }
        long sbomId = existing.isPresent()
                ? existing.get()
                : handle.createUpdate("""
                                INSERT INTO sbom_documents (version_id, content_sha256, format, document_bytes,
                                    gzip_content, component_count, uploaded_at)
                                VALUES (:version, :sha, :format, :size, :gzip, :count, :now)""")
                        .bind("version", versionId)
                        .bind("sha", sha256)
                        .bind("format", request.sbom().format())
                        .bind("size", (long) request.sbom().document().length)
                        .bind("gzip", gzip)
                        .bind("count", rows.size())
                        .bind("now", now)
                        .executeAndReturnGeneratedKeys("id")
                        .mapTo(Long.class)
                        .one();
        int edges = writeInventory(
                handle, versionId, sbomId, rows, rootPaths, request.sbom().sbom(), now);
        audit(handle, request, now, replacing ? "sbom.upload.replaced" : "sbom.upload.created", sha256);
        return new IngestResult(
                projectId,
                versionId,
                sbomId,
                replacing ? IngestResult.Outcome.REPLACED : IngestResult.Outcome.CREATED,
                rows.size(),
                edges,
                sha256);
    }

    /**
     * Writes the components and edges of {@code sbom} as the version's inventory (whatever was there must be
     * deleted already), makes {@code sbomId} its current document and marks it for matching.
     *
     * @return the number of dependency edges written
     */
    private int writeInventory(
            Handle handle,
            long versionId,
            long sbomId,
            List<ComponentRow> rows,
            Map<String, String> rootPaths,
            Sbom sbom,
            OffsetDateTime now) {
        insertComponents(handle, versionId, rows, rootPaths);
        afterComponents.run();
        int edges = insertEdges(handle, versionId, sbom.relationships());
        handle.createUpdate("UPDATE sbom_documents SET edge_count = :edges WHERE id = :sbom")
                .bind("edges", edges)
                .bind("sbom", sbomId)
                .execute();
        handle.createUpdate("""
                        UPDATE project_versions SET current_sbom_id = :sbom, updated_at = :now, match_pending = TRUE
                        WHERE id = :version""")
                .bind("sbom", sbomId)
                .bind("now", now)
                .bind("version", versionId)
                .execute();
        return edges;
    }

    /**
     * Rebuilds a version's inventory from one of its stored documents, in one transaction: its components,
     * edges and findings are replaced by what the document lists, and the document becomes current. For a
     * version a crash left with only part of its inventory (see {@link InventoryRecovery}).
     *
     * @param document the stored document's bytes, as uploaded
     */
    public IngestResult rebuild(long versionId, long sbomId, UploadedSbom document) {
        List<ComponentRow> rows = componentRows(document.sbom());
        Map<String, String> rootPaths = rootPaths(rows, document.sbom().relationships());
        String sha256 = sha256(document.document());
        try {
            return database.jdbi().inTransaction(handle -> {
                long projectId = handle.createQuery(
                                "SELECT project_id FROM project_versions WHERE id = :version FOR UPDATE")
                        .bind("version", versionId)
                        .mapTo(Long.class)
                        .findOne()
                        .orElseThrow(() -> new InvalidInputException(
                                "no project version with id " + versionId, Long.toString(versionId)));
                String subject = handle.createQuery("""
                                SELECT p.name || '@' || v.version FROM project_versions v
                                JOIN projects p ON p.id = v.project_id WHERE v.id = :version""")
                        .bind("version", versionId)
                        .mapTo(String.class)
                        .one();
                for (String table : List.of("dependency_edges", "findings", "components")) {
                    handle.createUpdate("DELETE FROM " + table + " WHERE version_id = :version")
                            .bind("version", versionId)
                            .execute();
                }
                OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
                int edges = writeInventory(handle, versionId, sbomId, rows, rootPaths, document.sbom(), now);
                AuditLog.record(
                        handle,
                        now,
                        RECOVERY_ACTOR,
                        "sbom.inventory.rebuilt",
                        subject,
                        "sha256:" + sha256 + " format:" + document.format() + " after an unfinished write");
                return new IngestResult(
                        projectId, versionId, sbomId, IngestResult.Outcome.REPLACED, rows.size(), edges, sha256);
            });
        } catch (JdbiException e) {
            throw new UnableToUsePortfolioDatabaseException(
                    "cannot rebuild the inventory of version " + versionId + ": " + e.getMessage(),
                    Long.toString(versionId),
                    e);
        }
    }

    private static long projectId(Handle handle, String name, OffsetDateTime now) {
        return handle.createQuery("SELECT id FROM projects WHERE name = :name")
                .bind("name", name)
                .mapTo(Long.class)
                .findOne()
                .orElseGet(() -> handle.createUpdate("INSERT INTO projects (name, created_at) VALUES (:name, :now)")
                        .bind("name", name)
                        .bind("now", now)
                        .executeAndReturnGeneratedKeys("id")
                        .mapTo(Long.class)
                        .one());
    }

    private static VersionRow version(Handle handle, long projectId, String version, OffsetDateTime now) {
        // FOR UPDATE serializes concurrent uploads to one version: the second waits, then sees the first's
        // document and its inventory, never a mixture of both.
        return handle.createQuery("""
                        SELECT id, current_sbom_id FROM project_versions
                        WHERE project_id = :project AND version = :version FOR UPDATE""")
                .bind("project", projectId)
                .bind("version", version)
                .map((resultSet, context) -> new VersionRow(
                        resultSet.getLong("id"),
                        Optional.ofNullable(resultSet.getObject("current_sbom_id", Long.class))))
                .findOne()
                .orElseGet(() -> new VersionRow(
                        handle.createUpdate("""
                                        INSERT INTO project_versions (project_id, version, created_at, updated_at)
                                        VALUES (:project, :version, :now, :now)""")
                                .bind("project", projectId)
                                .bind("version", version)
                                .bind("now", now)
                                .executeAndReturnGeneratedKeys("id")
                                .mapTo(Long.class)
                                .one(),
                        Optional.empty()));
    }

    private record VersionRow(long id, Optional<Long> currentSbomId) {}

    private static void addTags(Handle handle, long versionId, Set<String> tags) {
        if (tags.isEmpty()) {
            return;
        }
        Set<String> missing = new TreeSet<>(tags);
        missing.removeAll(handle.createQuery("SELECT tag FROM version_tags WHERE version_id = :version")
                .bind("version", versionId)
                .mapTo(String.class)
                .list());
        if (missing.isEmpty()) {
            return;
        }
        PreparedBatch batch = handle.prepareBatch("INSERT INTO version_tags (version_id, tag) VALUES (:version, :tag)");
        for (String tag : missing) {
            batch.bind("version", versionId).bind("tag", tag).add();
        }
        batch.execute();
    }

    private static void insertComponents(
            Handle handle, long versionId, List<ComponentRow> rows, Map<String, String> rootPaths) {
        for (int start = 0; start < rows.size(); start += BATCH_SIZE) {
            PreparedBatch batch = handle.prepareBatch("""
                    INSERT INTO components (version_id, purl, purl_base, type, namespace, name, pkg_version, kind,
                        scope, licenses, is_subject, root_path)
                    VALUES (:version, :purl, :purlBase, :type, :namespace, :name, :pkgVersion, :kind, :scope,
                        :licenses, :subject, :rootPath)""");
            for (ComponentRow row : rows.subList(start, Math.min(rows.size(), start + BATCH_SIZE))) {
                batch.bind("version", versionId)
                        .bind("purl", row.purl())
                        .bind("purlBase", row.purlBase())
                        .bind("type", row.type())
                        .bind("namespace", row.namespace())
                        .bind("name", row.name())
                        .bind("pkgVersion", row.version())
                        .bind("kind", row.kind())
                        .bind("scope", row.scope())
                        .bind("licenses", row.licenses())
                        .bind("subject", row.subject())
                        .bind("rootPath", rootPaths.get(row.purl()))
                        .add();
            }
            batch.execute();
        }
    }

    private static int insertEdges(Handle handle, long versionId, List<Relationship> relationships) {
        if (relationships.isEmpty()) {
            return 0;
        }
        Map<String, Long> ids = new TreeMap<>();
        handle.createQuery("SELECT id, purl FROM components WHERE version_id = :version")
                .bind("version", versionId)
                .map((resultSet, context) -> Map.entry(resultSet.getString("purl"), resultSet.getLong("id")))
                .forEach(entry -> ids.put(entry.getKey(), entry.getValue()));
        // An edge to a component the SBOM never listed has nothing to point at; it is dropped, not invented.
        TreeSet<Edge> edges = new TreeSet<>();
        for (Relationship relationship : relationships) {
            Long from = ids.get(relationship.from().toString());
            Long to = ids.get(relationship.to().toString());
            if (from != null && to != null && !from.equals(to)) {
                edges.add(new Edge(from, to, relationship.type().name()));
            }
        }
        List<Edge> ordered = new ArrayList<>(edges);
        for (int start = 0; start < ordered.size(); start += BATCH_SIZE) {
            PreparedBatch batch = handle.prepareBatch("""
                    INSERT INTO dependency_edges (version_id, from_component, to_component, type)
                    VALUES (:version, :from, :to, :type)""");
            for (Edge edge : ordered.subList(start, Math.min(ordered.size(), start + BATCH_SIZE))) {
                batch.bind("version", versionId)
                        .bind("from", edge.from())
                        .bind("to", edge.to())
                        .bind("type", edge.type())
                        .add();
            }
            batch.execute();
        }
        return ordered.size();
    }

    private static void audit(Handle handle, IngestRequest request, OffsetDateTime now, String action, String sha) {
        AuditLog.record(
                handle,
                now,
                request.actor(),
                action,
                request.project() + "@" + request.version(),
                "sha256:" + sha + " format:" + request.sbom().format());
    }

    /** Each component's shortest path from a root, over the edges {@link #insertEdges} keeps. */
    private static Map<String, String> rootPaths(List<ComponentRow> rows, List<Relationship> relationships) {
        List<String> purls = new ArrayList<>(rows.size());
        String subject = null;
        for (ComponentRow row : rows) {
            purls.add(row.purl());
            if (row.subject()) {
                subject = row.purl();
            }
        }
        Set<String> listed = new HashSet<>(purls);
        Map<String, Set<String>> edges = new HashMap<>();
        for (Relationship relationship : relationships) {
            String from = relationship.from().toString();
            String to = relationship.to().toString();
            if (listed.contains(from) && listed.contains(to) && !from.equals(to)) {
                edges.computeIfAbsent(from, key -> new TreeSet<>()).add(to);
            }
        }
        return RootPaths.shortest(purls, edges, subject);
    }

    /** The rows to write, one per purl; the SBOM's subject is stored too, as the root of its graph. */
    static List<ComponentRow> componentRows(Sbom sbom) {
        Map<Purl, Component> byPurl = new TreeMap<>(sbom.componentsByPurl());
        Optional<Component> subject =
                sbom.metadata() == null ? Optional.empty() : sbom.metadata().subjectComponent();
        subject.ifPresent(component -> byPurl.merge(component.purl(), component, Component::mergedWith));
        List<ComponentRow> rows = new ArrayList<>(byPurl.size());
        for (Component component : byPurl.values()) {
            boolean isSubject =
                    subject.map(s -> s.purl().equals(component.purl())).orElse(false);
            rows.add(ComponentRow.of(component, isSubject));
        }
        return rows;
    }

    private static boolean isUniqueViolation(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime provides SHA-256", e);
        }
    }

    private static byte[] gzip(byte[] content) {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream(Math.max(64, content.length / 4));
        try (GZIPOutputStream out = new GZIPOutputStream(buffer)) {
            out.write(content);
        } catch (IOException e) {
            throw new UncheckedIOException("gzip into memory cannot fail", e);
        }
        return buffer.toByteArray();
    }

    private record Edge(long from, long to, String type) implements Comparable<Edge> {
        @Override
        public int compareTo(Edge other) {
            int byFrom = Long.compare(from, other.from);
            if (byFrom != 0) {
                return byFrom;
            }
            int byTo = Long.compare(to, other.to);
            return byTo != 0 ? byTo : type.compareTo(other.type);
        }
    }

    /** A component as stored, with every value checked against its column so a hostile SBOM gets a 4xx. */
    record ComponentRow(
            String purl,
            String purlBase,
            String type,
            String namespace,
            String name,
            String version,
            String kind,
            String scope,
            String licenses,
            boolean subject) {

        static ComponentRow of(Component component, boolean subject) {
            Purl purl = component.purl();
            String where = purl.toString().length() > 200 ? purl.toString().substring(0, 200) + "..." : purl.toString();
            return new ComponentRow(
                    bounded(purl.toString(), 2048, "purl", where),
                    bounded(purl.withoutVersion(), 2048, "purl", where),
                    bounded(purl.type(), 64, "purl type", where),
                    bounded(purl.namespace().orElse(""), 1024, "namespace", where),
                    bounded(purl.name(), 1024, "name", where),
                    bounded(purl.version().orElse(component.version()), 255, "version", where),
                    component.kind().name().toLowerCase(Locale.ROOT),
                    component.scope().name().toLowerCase(Locale.ROOT),
                    bounded(String.join(", ", component.licenses()), 4096, "license list", where),
                    subject);
        }

        private static String bounded(String value, int limit, String what, String where) {
            if (value.length() > limit) {
                throw new InvalidInputException(
                        "the " + what + " of component " + where + " is longer than " + limit + " characters", where);
            }
            return value;
        }
    }
}
