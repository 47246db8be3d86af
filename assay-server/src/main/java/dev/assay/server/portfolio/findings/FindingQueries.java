package dev.assay.server.portfolio.findings;

import dev.assay.server.portfolio.findings.PortfolioViews.DailyCounts;
import dev.assay.server.portfolio.findings.PortfolioViews.KevFinding;
import dev.assay.server.portfolio.findings.PortfolioViews.TopComponent;
import dev.assay.server.portfolio.store.PortfolioDatabase;
import dev.assay.server.portfolio.store.UnableToUsePortfolioDatabaseException;
import dev.assay.server.portfolio.triage.Analysis;
import dev.assay.server.portfolio.triage.FindingTarget;
import dev.assay.server.portfolio.triage.Triage;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.JdbiException;

/** The reads the REST layer and the dashboard need about findings, with triage applied. */
public final class FindingQueries {
    /** Paths per finding and components per path: enough to show why, bounded for wide graphs. */
    public static final int MAX_PATHS = 5;

    public static final int MAX_DEPTH = 16;

    private static final String FINDING_COLUMNS = """
            SELECT f.id, f.version_id, v.project_id, f.vulnerability_id, f.severity, f.cvss, f.kev, f.epss,
                f.summary, f.fixed_versions, f.state, f.first_seen, c.id AS component_id, c.purl, c.purl_base,
                c.type, c.name, c.pkg_version, p.name AS project_name, v.version AS version_name
            FROM findings f JOIN components c ON c.id = f.component_id
            JOIN project_versions v ON v.id = f.version_id JOIN projects p ON p.id = v.project_id""";

    private final PortfolioDatabase database;
    private final Triage triage;

    public FindingQueries(PortfolioDatabase database, Triage triage) {
        this.database = database;
        this.triage = triage;
    }

    /** The id of a project's version, if both exist. */
    public Optional<Long> versionId(String project, String version) {
        return read(handle -> handle.createQuery("""
                        SELECT v.id FROM project_versions v JOIN projects p ON p.id = v.project_id
                        WHERE p.name = :project AND v.version = :version""")
                .bind("project", project)
                .bind("version", version)
                .mapTo(Long.class)
                .findOne());
    }

    /**
     * The open findings of a version, worst first, each with its component, dependency paths, effective
     * analysis and suppressed flag. With {@code includeResolved}, resolved ones too.
     */
    public List<FindingView> findingsOfVersion(long versionId, boolean includeResolved) {
        return read(handle -> {
            List<Row> rows = rows(
                    handle,
                    " WHERE f.version_id = :version" + (includeResolved ? "" : " AND f.state = 'open'"),
                    Map.of("version", versionId));
            Map<Long, Analysis> analyses = analyses(handle, rows);
            DependencyGraph graph = graph(handle, versionId);
            List<FindingView> views = new ArrayList<>(rows.size());
            for (Row row : rows) {
                Analysis analysis = analyses.get(row.id());
                views.add(new FindingView(
                        row.id(),
                        row.vulnerability(),
                        row.aliases().stream()
                                .filter(alias -> !alias.equals(row.vulnerability()))
                                .sorted()
                                .toList(),
                        row.severity(),
                        row.cvss(),
                        row.kev(),
                        row.epss(),
                        row.summary(),
                        new FindingView.ComponentRef(row.componentId(), row.purl(), row.name(), row.pkgVersion()),
                        row.fixedVersions(),
                        graph.pathsTo(row.componentId(), MAX_PATHS, MAX_DEPTH),
                        analysis,
                        analysis != null && analysis.suppressed(),
                        row.state(),
                        row.firstSeen().toInstant()));
            }
            views.sort(java.util.Comparator.comparing((FindingView view) -> severityRank(view.severity()))
                    .thenComparing(view -> view.cvss() == null ? 0.0 : -view.cvss())
                    .thenComparing(view -> view.component().purl())
                    .thenComparing(FindingView::vulnerability));
            return views;
        });
    }

    /** Open, unsuppressed findings of one version by severity. */
    public SeverityCounts severityCounts(long versionId) {
        return read(handle -> {
            List<Row> rows =
                    rows(handle, " WHERE f.version_id = :version AND f.state = 'open'", Map.of("version", versionId));
            return count(rows, analyses(handle, rows));
        });
    }

    /** Open, unsuppressed findings of every version by severity, by version id (versions without any: absent). */
    public Map<Long, SeverityCounts> severityCountsByVersion() {
        return read(handle -> byVersion(openUnsuppressed(handle, " WHERE f.state = 'open'")));
    }

    /** Open, unsuppressed findings of the whole portfolio by severity. */
    public SeverityCounts portfolioSeverityCounts() {
        return overview(0, 0).findings();
    }

    /** Open, unsuppressed findings of KEV-listed vulnerabilities, by project, version and package. */
    public List<KevFinding> kevFindings(int limit) {
        return read(handle -> kev(openUnsuppressed(handle, " WHERE f.kev AND f.state = 'open'"), limit));
    }

    /** Packages with open, unsuppressed findings in the most project versions. */
    public List<TopComponent> topComponents(int limit) {
        return overview(0, limit).topComponents();
    }

    /** The portfolio-wide figures of the overview page. */
    public record Overview(SeverityCounts findings, List<KevFinding> kev, List<TopComponent> topComponents) {}

    /**
     * Severity counts, KEV-listed findings and the most widespread vulnerable packages from one read of the
     * open findings and one application of triage, rather than one each.
     */
    public Overview overview(int kevLimit, int topLimit) {
        return read(handle -> {
            List<Row> open = openUnsuppressed(handle, " WHERE f.state = 'open'");
            SeverityCounts total = SeverityCounts.NONE;
            for (Row row : open) {
                total = total.plus(row.severity());
            }
            return new Overview(total, kev(open.stream().filter(Row::kev).toList(), kevLimit), top(open, topLimit));
        });
    }

    /** The findings {@code where} selects that no triage decision suppresses. */
    private List<Row> openUnsuppressed(Handle handle, String where) {
        List<Row> rows = rows(handle, where, Map.of());
        Map<Long, Analysis> analyses = analyses(handle, rows);
        return rows.stream()
                .filter(row -> {
                    Analysis analysis = analyses.get(row.id());
                    return analysis == null || !analysis.suppressed();
                })
                .toList();
    }

    private static Map<Long, SeverityCounts> byVersion(List<Row> rows) {
        Map<Long, SeverityCounts> result = new HashMap<>();
        for (Row row : rows) {
            result.merge(row.versionId(), SeverityCounts.NONE.plus(row.severity()), FindingQueries::sum);
        }
        return result;
    }

    private static List<KevFinding> kev(List<Row> rows, int limit) {
        return rows.stream()
                .map(row -> new KevFinding(row.vulnerability(), row.project(), row.version(), row.purl()))
                .sorted(java.util.Comparator.comparing(KevFinding::vulnerability)
                        .thenComparing(KevFinding::project)
                        .thenComparing(KevFinding::version)
                        .thenComparing(KevFinding::purl))
                .limit(Math.max(0, limit))
                .toList();
    }

    private static List<TopComponent> top(List<Row> rows, int limit) {
        Map<String, Set<Long>> versions = new HashMap<>();
        Map<String, Integer> findings = new HashMap<>();
        for (Row row : rows) {
            versions.computeIfAbsent(row.purlBase(), unused -> new HashSet<>()).add(row.versionId());
            findings.merge(row.purlBase(), 1, Integer::sum);
        }
        return versions.entrySet().stream()
                .map(entry -> new TopComponent(entry.getKey(), entry.getValue().size(), findings.get(entry.getKey())))
                .sorted(java.util.Comparator.comparing(TopComponent::versions, java.util.Comparator.reverseOrder())
                        .thenComparing(TopComponent::findings, java.util.Comparator.reverseOrder())
                        .thenComparing(TopComponent::purl))
                .limit(Math.max(0, limit))
                .toList();
    }

    /**
     * Findings open at the end of each day (UTC) from {@code from} to {@code to}, by severity, computed
     * from when each finding was first seen and when it was resolved (or its component removed). Triage is
     * not applied: a decision has no past, and the chart shows exposure over time.
     */
    public List<DailyCounts> history(LocalDate from, LocalDate to) {
        if (to.isBefore(from)) {
            return List.of();
        }
        OffsetDateTime start = from.atStartOfDay().atOffset(ZoneOffset.UTC);
        OffsetDateTime end = to.plusDays(1).atStartOfDay().atOffset(ZoneOffset.UTC);
        record Sighting(String severity, OffsetDateTime firstSeen, OffsetDateTime resolvedAt) {}
        List<Sighting> sightings = read(handle -> handle.createQuery("""
                        SELECT severity, first_seen, resolved_at FROM finding_sightings
                        WHERE first_seen < :end AND (resolved_at IS NULL OR resolved_at >= :start)""")
                .bind("start", start)
                .bind("end", end)
                .map((row, context) -> new Sighting(
                        row.getString("severity"),
                        row.getObject("first_seen", OffsetDateTime.class),
                        row.getObject("resolved_at", OffsetDateTime.class)))
                .list());
        List<DailyCounts> days = new ArrayList<>();
        for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
            OffsetDateTime endOfDay = day.plusDays(1).atStartOfDay().atOffset(ZoneOffset.UTC);
            SeverityCounts counts = SeverityCounts.NONE;
            for (Sighting sighting : sightings) {
                if (sighting.firstSeen().isBefore(endOfDay)
                        && (sighting.resolvedAt() == null
                                || !sighting.resolvedAt().isBefore(endOfDay))) {
                    counts = counts.plus(sighting.severity());
                }
            }
            days.add(new DailyCounts(
                    day, counts.critical(), counts.high(), counts.medium(), counts.low(), counts.unknown()));
        }
        return days;
    }

    private Map<Long, Analysis> analyses(Handle handle, List<Row> rows) {
        if (rows.isEmpty()) {
            return Map.of();
        }
        List<FindingTarget> targets = rows.stream()
                .map(row -> new FindingTarget(
                        row.id(),
                        row.versionId(),
                        row.projectId(),
                        row.purl(),
                        row.purlBase(),
                        row.type(),
                        row.pkgVersion(),
                        row.aliases()))
                .toList();
        return triage.analyses(targets);
    }

    private static SeverityCounts count(List<Row> rows, Map<Long, Analysis> analyses) {
        SeverityCounts counts = SeverityCounts.NONE;
        for (Row row : rows) {
            Analysis analysis = analyses.get(row.id());
            if (analysis == null || !analysis.suppressed()) {
                counts = counts.plus(row.severity());
            }
        }
        return counts;
    }

    private static SeverityCounts sum(SeverityCounts left, SeverityCounts right) {
        return new SeverityCounts(
                left.critical() + right.critical(),
                left.high() + right.high(),
                left.medium() + right.medium(),
                left.low() + right.low(),
                left.unknown() + right.unknown());
    }

    private static int severityRank(String severity) {
        return switch (severity) {
            case "critical" -> 0;
            case "high" -> 1;
            case "medium" -> 2;
            case "low" -> 3;
            default -> 4;
        };
    }

    private static DependencyGraph graph(Handle handle, long versionId) {
        Map<Long, String> purls = new HashMap<>();
        Set<Long> subjects = new HashSet<>();
        handle.createQuery("SELECT id, purl, is_subject FROM components WHERE version_id = :version")
                .bind("version", versionId)
                .map((row, context) -> {
                    purls.put(row.getLong("id"), row.getString("purl"));
                    if (row.getBoolean("is_subject")) {
                        subjects.add(row.getLong("id"));
                    }
                    return null;
                })
                .list();
        List<long[]> edges = handle.createQuery(
                        "SELECT from_component, to_component FROM dependency_edges WHERE version_id = :version")
                .bind("version", versionId)
                .map((row, context) -> new long[] {row.getLong("from_component"), row.getLong("to_component")})
                .list();
        return new DependencyGraph(edges, purls, subjects);
    }

    private static List<Row> rows(Handle handle, String where, Map<String, Object> bindings) {
        var query = handle.createQuery(FINDING_COLUMNS + where);
        bindings.forEach(query::bind);
        List<Row> rows = query.map((row, context) -> {
                    double cvss = row.getDouble("cvss");
                    Double cvssValue = row.wasNull() ? null : cvss;
                    double epss = row.getDouble("epss");
                    Double epssValue = row.wasNull() ? null : epss;
                    String fixed = row.getString("fixed_versions");
                    return new Row(
                            row.getLong("id"),
                            row.getLong("version_id"),
                            row.getLong("project_id"),
                            row.getString("project_name"),
                            row.getString("version_name"),
                            row.getString("vulnerability_id"),
                            Set.of(),
                            row.getString("severity"),
                            cvssValue,
                            row.getBoolean("kev"),
                            epssValue,
                            row.getString("summary"),
                            fixed.isEmpty() ? List.of() : Arrays.asList(fixed.split("\n")),
                            row.getString("state"),
                            row.getObject("first_seen", OffsetDateTime.class),
                            row.getLong("component_id"),
                            row.getString("purl"),
                            row.getString("purl_base"),
                            row.getString("type"),
                            row.getString("name"),
                            row.getString("pkg_version"));
                })
                .list();
        Map<String, Set<String>> aliases =
                Triage.aliases(handle, rows.stream().map(Row::vulnerability).toList());
        return rows.stream()
                .map(row -> row.withAliases(aliases.getOrDefault(row.vulnerability(), Set.of(row.vulnerability()))))
                .toList();
    }

    private <T> T read(org.jdbi.v3.core.HandleCallback<T, RuntimeException> work) {
        try {
            return database.jdbi().withHandle(work);
        } catch (JdbiException e) {
            throw new UnableToUsePortfolioDatabaseException("cannot read findings: " + e.getMessage(), "findings", e);
        }
    }

    private record Row(
            long id,
            long versionId,
            long projectId,
            String project,
            String version,
            String vulnerability,
            Set<String> aliases,
            String severity,
            Double cvss,
            boolean kev,
            Double epss,
            String summary,
            List<String> fixedVersions,
            String state,
            OffsetDateTime firstSeen,
            long componentId,
            String purl,
            String purlBase,
            String type,
            String name,
            String pkgVersion) {

        Row withAliases(Set<String> names) {
            return new Row(
                    id,
                    versionId,
                    projectId,
                    project,
                    version,
                    vulnerability,
                    names,
                    severity,
                    cvss,
                    kev,
                    epss,
                    summary,
                    fixedVersions,
                    state,
                    firstSeen,
                    componentId,
                    purl,
                    purlBase,
                    type,
                    name,
                    pkgVersion);
        }
    }
}
