package dev.assay.server.portfolio.api;

import dev.assay.server.portfolio.findings.FindingQueries;
import dev.assay.server.portfolio.store.PortfolioDatabase;
import dev.assay.server.portfolio.store.UnableToUsePortfolioDatabaseException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.JdbiException;

/** The read side of the projects endpoints: what the portfolio holds, shaped as the API answers it. */
final class PortfolioReads {
    private final PortfolioDatabase database;
    private final FindingQueries findingQueries;

    PortfolioReads(PortfolioDatabase database, FindingQueries findingQueries) {
        this.database = database;
        this.findingQueries = findingQueries;
    }

    /** Open findings that triage has not suppressed, by version id: the counts every listing shows. */
    private Map<Long, SeverityCounts> countsByVersion() {
        Map<Long, SeverityCounts> counts = new HashMap<>();
        findingQueries.severityCountsByVersion().forEach((version, c) -> counts.put(version, ApiViews.counts(c)));
        return counts;
    }

    record ProjectSummary(
            String name, long versions, String latestVersion, String updatedAt, SeverityCounts findings) {}

    record VersionSummary(
            String version,
            List<String> tags,
            long components,
            String updatedAt,
            List<String> imageDigests,
            SeverityCounts findings) {}

    record ProjectDetail(String name, List<VersionSummary> versions) {}

    record ComponentView(
            String purl,
            String name,
            String version,
            String type,
            String scope,
            List<String> licenses,
            boolean direct) {}

    record ComponentPage(long total, List<ComponentView> components) {}

    List<ProjectSummary> projects() {
        Map<Long, SeverityCounts> byVersion = countsByVersion();
        return read("list the projects", handle -> {
            Map<Long, SeverityCounts> findings = new HashMap<>();
            handle.createQuery("SELECT id, project_id FROM project_versions")
                    .map((rs, ctx) -> {
                        SeverityCounts counts = byVersion.get(rs.getLong("id"));
                        if (counts != null) {
                            findings.merge(rs.getLong("project_id"), counts, PortfolioReads::sum);
                        }
                        return 0;
                    })
                    .list();
            // The latest version is the one most recently uploaded to (ties: the highest id).
            return handle.createQuery("""
                            SELECT p.id, p.name,
                                (SELECT COUNT(*) FROM project_versions v WHERE v.project_id = p.id) AS versions,
                                (SELECT v.version FROM project_versions v WHERE v.project_id = p.id
                                    ORDER BY v.updated_at DESC, v.id DESC LIMIT 1) AS latest,
                                (SELECT MAX(v.updated_at) FROM project_versions v WHERE v.project_id = p.id) AS updated
                            FROM projects p ORDER BY p.name""")
                    .map((rs, ctx) -> new ProjectSummary(
                            rs.getString("name"),
                            rs.getLong("versions"),
                            rs.getString("latest"),
                            iso(rs.getObject("updated", OffsetDateTime.class)),
                            findings.getOrDefault(rs.getLong("id"), SeverityCounts.NONE)))
                    .list();
        });
    }

    Optional<ProjectDetail> project(String name) {
        Map<Long, SeverityCounts> byVersion = countsByVersion();
        return read("read the project " + name, handle -> {
            Optional<Long> projectId = projectId(handle, name);
            if (projectId.isEmpty()) {
                return Optional.empty();
            }
            Map<Long, List<String>> tags = grouped(handle, """
                    SELECT t.version_id AS version, t.tag AS item FROM version_tags t
                    JOIN project_versions v ON v.id = t.version_id WHERE v.project_id = :project ORDER BY t.tag""", projectId.get());
            Map<Long, List<String>> digests = grouped(handle, """
                    SELECT i.version_id AS version, i.digest AS item FROM image_digests i
                    JOIN project_versions v ON v.id = i.version_id WHERE v.project_id = :project
                    ORDER BY i.linked_at, i.digest""", projectId.get());
            Map<Long, SeverityCounts> findings = byVersion;
            List<VersionSummary> versions = handle.createQuery("""
                            SELECT v.id, v.version, v.updated_at,
                                (SELECT COUNT(*) FROM components c WHERE c.version_id = v.id) AS components
                            FROM project_versions v WHERE v.project_id = :project
                            ORDER BY v.updated_at DESC, v.id DESC""")
                    .bind("project", projectId.get())
                    .map((rs, ctx) -> {
                        long id = rs.getLong("id");
                        return new VersionSummary(
                                rs.getString("version"),
                                tags.getOrDefault(id, List.of()),
                                rs.getLong("components"),
                                iso(rs.getObject("updated_at", OffsetDateTime.class)),
                                digests.getOrDefault(id, List.of()),
                                findings.getOrDefault(id, SeverityCounts.NONE));
                    })
                    .list();
            return Optional.of(new ProjectDetail(name, versions));
        });
    }

    /** The version's id, or empty when the project or the version does not exist. */
    Optional<Long> versionId(String project, String version) {
        return read("find " + project + "@" + version, handle -> versionId(handle, project, version));
    }

    static Optional<Long> versionId(Handle handle, String project, String version) {
        return handle.createQuery("""
                        SELECT v.id FROM project_versions v JOIN projects p ON p.id = v.project_id
                        WHERE p.name = :project AND v.version = :version""")
                .bind("project", project)
                .bind("version", version)
                .mapTo(Long.class)
                .findOne();
    }

    /**
     * A page of the version's components, ordered by purl. {@code q} keeps those whose purl contains it,
     * ignoring case; {@code direct} means the version's subject depends on it directly.
     */
    ComponentPage components(long versionId, int offset, int limit, Optional<String> q) {
        String filter = q.map(text -> "%" + likeEscaped(text.toLowerCase(Locale.ROOT)) + "%")
                .orElse(null);
        String where = "c.version_id = :version" + (filter == null ? "" : " AND LOWER(c.purl) LIKE :q ESCAPE '\\'");
        return read("list components", handle -> {
            var count = handle.createQuery("SELECT COUNT(*) FROM components c WHERE " + where)
                    .bind("version", versionId);
            if (filter != null) {
                count.bind("q", filter);
            }
            long total = count.mapTo(Long.class).one();
            var page = handle.createQuery("SELECT c.purl, c.name, c.pkg_version, c.type, c.scope, c.licenses,"
                            + " EXISTS (SELECT 1 FROM dependency_edges e JOIN components s ON s.id = e.from_component"
                            + " WHERE e.to_component = c.id AND s.is_subject) AS direct"
                            + " FROM components c WHERE " + where
                            + " ORDER BY c.purl LIMIT :limit OFFSET :offset")
                    .bind("version", versionId)
                    .bind("limit", limit)
                    .bind("offset", offset);
            if (filter != null) {
                page.bind("q", filter);
            }
            List<ComponentView> components = page.map((rs, ctx) -> new ComponentView(
                            rs.getString("purl"),
                            rs.getString("name"),
                            rs.getString("pkg_version"),
                            rs.getString("type"),
                            rs.getString("scope"),
                            licenses(rs.getString("licenses")),
                            rs.getBoolean("direct")))
                    .list();
            return new ComponentPage(total, components);
        });
    }

    static Optional<Long> projectId(Handle handle, String name) {
        return handle.createQuery("SELECT id FROM projects WHERE name = :name")
                .bind("name", name)
                .mapTo(Long.class)
                .findOne();
    }

    private static Map<Long, List<String>> grouped(Handle handle, String sql, long projectId) {
        Map<Long, List<String>> grouped = new LinkedHashMap<>();
        handle.createQuery(sql)
                .bind("project", projectId)
                .map((rs, ctx) -> {
                    grouped.computeIfAbsent(rs.getLong("version"), key -> new ArrayList<>())
                            .add(rs.getString("item"));
                    return 0;
                })
                .list();
        return grouped;
    }

    private static List<String> licenses(String stored) {
        if (stored == null || stored.isBlank()) {
            return List.of();
        }
        return Arrays.stream(stored.split(", ")).filter(l -> !l.isBlank()).toList();
    }

    static String likeEscaped(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    static String iso(OffsetDateTime time) {
        return time == null ? null : DateTimeFormatter.ISO_INSTANT.format(time.withOffsetSameInstant(ZoneOffset.UTC));
    }

    private static SeverityCounts sum(SeverityCounts a, SeverityCounts b) {
        return new SeverityCounts(
                a.critical() + b.critical(),
                a.high() + b.high(),
                a.medium() + b.medium(),
                a.low() + b.low(),
                a.unknown() + b.unknown());
    }

    private <T> T read(String what, HandleCallback<T, RuntimeException> callback) {
        try {
            return database.jdbi().withHandle(callback);
        } catch (JdbiException e) {
            throw new UnableToUsePortfolioDatabaseException("cannot " + what + ": " + e.getMessage(), what, e);
        }
    }
}
