package dev.assay.server.portfolio.query;

import dev.assay.model.InvalidInputException;
import dev.assay.server.portfolio.store.PortfolioDatabase;
import dev.assay.server.portfolio.store.RootPaths;
import dev.assay.server.portfolio.store.UnableToUsePortfolioDatabaseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.JdbiException;
import org.jdbi.v3.core.transaction.TransactionIsolationLevel;

/**
 * Which project versions, and the images built from them, contain a package in a version range or a
 * component affected by a vulnerability: the first question after the next Log4Shell. Only current
 * inventories count (an ingestion replaces a version's components as a whole, so the components table
 * holds nothing else), and each query reads one consistent snapshot.
 *
 * <p>A package is looked up by its identity without version ({@code components.purl_base}, normalised by
 * {@link dev.assay.model.Purl} exactly as ingestion stores it) through the {@code components_by_package}
 * index: first the distinct versions stored (answered from the index alone), then, once the range has kept
 * those it contains in the ecosystem's own version order, the rows of just those versions. The row limit is
 * written into the SQL rather than bound: PostgreSQL plans a prepared statement once for any limit, and a
 * possibly small one made it walk projects in name order and join every row against each of them.
 */
public final class ImpactAnalysis {
    private static final int MAX_ID_LENGTH = 255;

    private final PortfolioDatabase database;
    private final ImpactLimits limits;

    public ImpactAnalysis(PortfolioDatabase database) {
        this(database, ImpactLimits.DEFAULT);
    }

    public ImpactAnalysis(PortfolioDatabase database, ImpactLimits limits) {
        this.database = Objects.requireNonNull(database, "database");
        this.limits = Objects.requireNonNull(limits, "limits");
    }

    /**
     * @param purl the package, {@code pkg:type/namespace/name}; a version in it asks for exactly that version
     * @param versRange a {@code vers:} range such as {@code vers:maven/<2.17.1}; empty for every version
     * @throws InvalidInputException for a malformed purl or range, a range in an ecosystem whose version
     *     order Assay does not know, or a range together with a purl that has a version
     * @throws UnableToUsePortfolioDatabaseException when the database cannot be read
     */
    public ImpactReport byPackage(String purl, Optional<String> versRange) {
        long start = System.nanoTime();
        PackageSelector selector = PackageSelector.parse(purl, Objects.requireNonNull(versRange, "versRange"));
        ImpactQuery query = ImpactQuery.forPackage(selector.purlBase(), selector.describedRange());
        return read(query.purl(), handle -> {
            List<String> admitted = new ArrayList<>();
            List<String> unordered = new ArrayList<>();
            for (String stored : handle.createQuery(
                            "SELECT DISTINCT pkg_version FROM components WHERE purl_base = :base ORDER BY pkg_version")
                    .bind("base", selector.purlBase())
                    .mapTo(String.class)
                    .list()) {
                Optional<Boolean> admits = selector.admits(stored);
                if (admits.isEmpty()) {
                    unordered.add(stored);
                } else if (admits.get()) {
                    admitted.add(stored);
                }
            }
            List<Hit> hits = admitted.isEmpty()
                    ? List.of()
                    : handle.createQuery("""
                                    SELECT c.id, c.purl, c.pkg_version, c.version_id, p.name, v.version
                                    FROM components c
                                    JOIN project_versions v ON v.id = c.version_id
                                    JOIN projects p ON p.id = v.project_id
                                    WHERE c.purl_base = :base AND c.pkg_version = ANY(:versions)
                                    ORDER BY p.name, v.version, c.purl
                                    LIMIT %d""".formatted(limits.maxAffected() + 1))
                            .bind("base", selector.purlBase())
                            .bindArray("versions", String.class, admitted)
                            .map((row, context) -> Hit.read(row))
                            .list();
            return report(handle, query, hits, unordered, start);
        });
    }

    /**
     * @param idOrAlias a vulnerability id or any of its aliases (CVE, GHSA, OSV id)
     * @throws InvalidInputException for an empty or overlong id
     * @throws UnableToUsePortfolioDatabaseException when the database cannot be read
     */
    public ImpactReport byVulnerability(String idOrAlias) {
        long start = System.nanoTime();
        if (idOrAlias == null || idOrAlias.isBlank()) {
            throw new InvalidInputException("the vulnerability id must not be empty", "vulnerability");
        }
        String id = idOrAlias.strip();
        if (id.length() > MAX_ID_LENGTH) {
            throw new InvalidInputException(
                    "the vulnerability id is longer than " + MAX_ID_LENGTH + " characters",
                    id.substring(0, 200) + "...");
        }
        // CVE ids are upper case by definition, so a lower-case one is the same id; GHSA ids are mixed case
        // and are taken as given.
        Set<String> asked = new LinkedHashSet<>(List.of(id));
        if (id.regionMatches(true, 0, "CVE-", 0, 4)) {
            asked.add(id.toUpperCase(Locale.ROOT));
        }
        return read(id, handle -> {
            TreeSet<String> ids = new TreeSet<>(asked);
            ids.addAll(
                    handle.createQuery("SELECT vulnerability_id FROM vulnerability_aliases WHERE alias = ANY(:asked)")
                            .bindArray("asked", String.class, asked)
                            .mapTo(String.class)
                            .list());
            ImpactQuery query = ImpactQuery.forVulnerability(id, List.copyOf(ids));
            List<Hit> hits = handle.createQuery("""
                            SELECT c.id, c.purl, c.pkg_version, c.version_id, p.name, v.version
                            FROM components c
                            JOIN project_versions v ON v.id = c.version_id
                            JOIN projects p ON p.id = v.project_id
                            WHERE c.id IN (SELECT component_id FROM findings WHERE vulnerability_id = ANY(:ids))
                            ORDER BY p.name, v.version, c.purl
                            LIMIT %d""".formatted(limits.maxAffected() + 1))
                    .bindArray("ids", String.class, ids)
                    .map((row, context) -> Hit.read(row))
                    .list();
            return report(handle, query, hits, List.of(), start);
        });
    }

    private ImpactReport read(String subject, java.util.function.Function<Handle, ImpactReport> body) {
        try {
            // One snapshot for every statement: an ingestion committing in between must not leave a
            // component whose paths or tags belong to a different inventory.
            return database.jdbi().inTransaction(TransactionIsolationLevel.REPEATABLE_READ, body::apply);
        } catch (JdbiException e) {
            throw new UnableToUsePortfolioDatabaseException(
                    "cannot read the portfolio database for the impact of " + subject + ": " + e.getMessage(),
                    subject,
                    e);
        }
    }

    private ImpactReport report(Handle handle, ImpactQuery query, List<Hit> hits, List<String> unordered, long start) {
        boolean truncated = hits.size() > limits.maxAffected();
        List<Hit> listed = truncated ? hits.subList(0, limits.maxAffected()) : hits;
        Set<Long> versionIds = new TreeSet<>();
        List<Long> componentIds = new ArrayList<>(listed.size());
        for (Hit hit : listed) {
            versionIds.add(hit.versionId());
            componentIds.add(hit.componentId());
        }
        Map<Long, List<String>> tags = valuesByVersion(
                handle, "SELECT DISTINCT version_id, tag FROM version_tags WHERE version_id = ANY(:ids)", versionIds);
        Map<Long, List<String>> digests = valuesByVersion(
                handle,
                "SELECT DISTINCT version_id, digest FROM image_digests WHERE version_id = ANY(:ids)",
                versionIds);
        Map<Long, List<List<String>>> paths = paths(handle, componentIds);
        List<Affected> affected = new ArrayList<>(listed.size());
        for (Hit hit : listed) {
            affected.add(new Affected(
                    hit.project(),
                    hit.version(),
                    tags.getOrDefault(hit.versionId(), List.of()),
                    digests.getOrDefault(hit.versionId(), List.of()),
                    new AffectedComponent(hit.purl(), hit.componentVersion()),
                    paths.getOrDefault(hit.componentId(), List.of())));
        }
        long tookMs = (System.nanoTime() - start) / 1_000_000;
        return new ImpactReport(query, affected, truncated, unordered, tookMs);
    }

    /**
     * One shortest path per component comes from the path stored at ingest; only components without one
     * (stored before paths were, or too long to keep) and requests for more paths walk the graph.
     */
    private Map<Long, List<List<String>>> paths(Handle handle, List<Long> componentIds) {
        if (limits.maxPathsPerComponent() != 1 || componentIds.isEmpty()) {
            return DependencyPaths.find(handle, componentIds, limits);
        }
        Map<Long, List<List<String>>> paths = new HashMap<>();
        handle.createQuery("SELECT id, root_path FROM components WHERE id = ANY(:ids) AND root_path IS NOT NULL")
                .bindArray("ids", Long.class, componentIds)
                .map((row, context) -> Map.entry(row.getLong(1), row.getString(2)))
                .forEach(stored -> {
                    List<String> path = RootPaths.read(stored.getValue());
                    // Longer than the walk may go: not reported, exactly as the walk would not.
                    paths.put(stored.getKey(), path.size() - 1 <= limits.maxPathDepth() ? List.of(path) : List.of());
                });
        List<Long> unknown =
                componentIds.stream().filter(id -> !paths.containsKey(id)).toList();
        paths.putAll(DependencyPaths.find(handle, unknown, limits));
        return paths;
    }

    /** Sorted values per version, for the few versions listed. */
    private static Map<Long, List<String>> valuesByVersion(Handle handle, String sql, Set<Long> versionIds) {
        Map<Long, TreeSet<String>> values = new HashMap<>();
        if (!versionIds.isEmpty()) {
            handle.createQuery(sql)
                    .bindArray("ids", Long.class, versionIds)
                    .map((row, context) -> Map.entry(row.getLong(1), row.getString(2)))
                    .forEach(entry -> values.computeIfAbsent(entry.getKey(), key -> new TreeSet<>())
                            .add(entry.getValue()));
        }
        Map<Long, List<String>> sorted = new HashMap<>();
        values.forEach((version, set) -> sorted.put(version, List.copyOf(set)));
        return sorted;
    }

    private record Hit(
            long componentId, String purl, String componentVersion, long versionId, String project, String version) {
        static Hit read(java.sql.ResultSet row) throws java.sql.SQLException {
            return new Hit(
                    row.getLong(1),
                    row.getString(2),
                    row.getString(3),
                    row.getLong(4),
                    row.getString(5),
                    row.getString(6));
        }
    }
}
