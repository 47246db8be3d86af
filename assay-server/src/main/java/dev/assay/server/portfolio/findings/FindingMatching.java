package dev.assay.server.portfolio.findings;

import dev.assay.match.MatchReport;
import dev.assay.match.VulnerabilityMatcher;
import dev.assay.model.Finding;
import dev.assay.model.InvalidInputException;
import dev.assay.model.Rating;
import dev.assay.model.Sbom;
import dev.assay.server.portfolio.store.PortfolioDatabase;
import dev.assay.server.portfolio.store.UnableToUsePortfolioDatabaseException;
import dev.assay.vulndb.AdvisoryStore;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.JdbiException;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns stored inventories into stored findings: after an upload ({@link #matchVersion}) and after the
 * advisory data changed ({@link #rematch}, only the components whose advisory packages changed).
 *
 * <p>Storing is idempotent: matching again with the same advisories changes nothing but {@code last_seen}.
 * A finding keeps its {@code first_seen} across re-uploads of its version (the lifecycle is kept per
 * version, package url and vulnerability in {@code finding_sightings}); one that a later match no longer
 * finds for a component still present is marked {@code resolved}; findings of components removed by a
 * replaced inventory disappear with them (and their sighting is closed, for the history).
 *
 * <p>Each version is matched in its own transaction holding the version's row lock, the same lock an
 * upload takes, so a match never mixes two inventories and two instances never store the same finding twice.
 */
public final class FindingMatching {
    private static final Logger LOG = LoggerFactory.getLogger(FindingMatching.class);
    private static final int BATCH_SIZE = 500;
    private static final int MAX_ID = 255;
    private static final int MAX_SUMMARY = 1024;
    private static final int MAX_FIXED = 4096;

    private final PortfolioDatabase database;
    private final VulnerabilityMatcher matcher;
    private final Clock clock;

    public FindingMatching(PortfolioDatabase database, VulnerabilityMatcher matcher, Clock clock) {
        this.database = database;
        this.matcher = matcher;
        this.clock = clock;
    }

    /** With every ecosystem matcher of {@link VulnerabilityMatcher#withDefaultMatchers()}. */
    public FindingMatching(PortfolioDatabase database, Clock clock) {
        this(database, VulnerabilityMatcher.withDefaultMatchers(), clock);
    }

    /**
     * Matches the whole current inventory of a version (call after {@code SbomIngestion.ingest}, with the
     * {@code versionId} it returned) and stores the result.
     *
     * @throws InvalidInputException when there is no version with this id
     * @throws UnableToUsePortfolioDatabaseException when the database refuses; nothing is stored
     */
    public MatchSummary matchVersion(long versionId, AdvisoryStore store) {
        return inTransaction("match version " + versionId, handle -> {
            VersionRef version = lock(handle, versionId)
                    .orElseThrow(() -> new InvalidInputException(
                            "no project version with id " + versionId, Long.toString(versionId)));
            List<StoredComponent> components = handle.createQuery("SELECT " + StoredComponent.COLUMNS
                            + " FROM components c WHERE c.version_id = :version AND NOT c.is_subject")
                    .bind("version", versionId)
                    .map((row, context) -> StoredComponent.map(row))
                    .list();
            MatchSummary summary = reconcile(handle, version, components, true, store);
            handle.createUpdate("UPDATE project_versions SET match_pending = FALSE WHERE id = :version")
                    .bind("version", versionId)
                    .execute();
            return summary;
        });
    }

    /**
     * Matches every version whose inventory changed since its last whole match: those a stopped server
     * stored but did not get to match, or rebuilt on start. Each version is matched and marked in its own
     * transaction, so a second interruption leaves only the rest pending.
     *
     * @return how many versions were matched
     */
    public int matchPending(AdvisoryStore store) {
        List<Long> pending = inTransaction(
                "list the versions waiting for a match",
                handle -> handle.createQuery("SELECT id FROM project_versions WHERE match_pending ORDER BY id")
                        .mapTo(Long.class)
                        .list());
        for (long versionId : pending) {
            matchVersion(versionId, store);
        }
        return pending.size();
    }

    /**
     * Re-matches, in every current version, only the components whose advisory lookups hit one of
     * {@code changedPackages} (see {@link AdvisoryChanges#packages()}), against the new store.
     */
    public MatchSummary rematch(AdvisoryStore newStore, Set<PackageKey> changedPackages) {
        return rematch(newStore, changedPackages, (handle, fresh) -> {});
    }

    /**
     * What to do with one version's new findings while its re-match transaction is still open: whatever it
     * writes commits or rolls back together with the findings, so a crash between the two cannot drop it
     * (the findings, once stored, are no longer new to the retry).
     */
    @FunctionalInterface
    public interface NewFindingsListener {
        void found(Handle handle, List<NewFinding> fresh);
    }

    /**
     * As {@link #rematch(AdvisoryStore, Set)}, handing each version's new findings to {@code listener} inside
     * that version's transaction.
     */
    public MatchSummary rematch(AdvisoryStore newStore, Set<PackageKey> changedPackages, NewFindingsListener listener) {
        // Which versions hold which affected purls; read outside the per-version transactions, then
        // re-read under each version's lock so a concurrent upload's new inventory is what gets matched.
        Map<Long, Set<String>> purlsByVersion = new TreeMap<>();
        try {
            database.jdbi().useHandle(handle -> {
                for (PackageKey key : new TreeSet<>(changedPackages)) {
                    handle.createQuery("""
                                    SELECT c.version_id, c.purl FROM advisory_lookups l
                                    JOIN components c ON c.purl_base = l.purl_base AND c.pkg_version = l.pkg_version
                                        AND c.purl = l.purl
                                    WHERE l.ecosystem = :ecosystem AND l.package_name = :name AND NOT c.is_subject""")
                            .bind("ecosystem", key.ecosystem())
                            .bind("name", key.name())
                            .map((row, context) -> Map.entry(row.getLong("version_id"), row.getString("purl")))
                            .forEach(entry -> purlsByVersion
                                    .computeIfAbsent(entry.getKey(), unused -> new TreeSet<>())
                                    .add(entry.getValue()));
                }
            });
        } catch (JdbiException e) {
            throw new UnableToUsePortfolioDatabaseException(
                    "cannot find the components to re-match: " + e.getMessage(), "advisory_lookups", e);
        }
        MatchSummary total = MatchSummary.empty();
        for (Map.Entry<Long, Set<String>> entry : purlsByVersion.entrySet()) {
            long versionId = entry.getKey();
            MatchSummary one = inTransaction("re-match version " + versionId, handle -> {
                var version = lock(handle, versionId);
                if (version.isEmpty()) {
                    return MatchSummary.empty();
                }
                List<StoredComponent> components = new ArrayList<>();
                for (List<String> chunk : chunks(new ArrayList<>(entry.getValue()))) {
                    components.addAll(handle.createQuery("SELECT " + StoredComponent.COLUMNS
                                    + " FROM components c WHERE c.version_id = :version AND c.purl IN (<purls>)"
                                    + " AND NOT c.is_subject")
                            .bind("version", versionId)
                            .bindList("purls", chunk)
                            .map((row, context) -> StoredComponent.map(row))
                            .list());
                }
                if (components.isEmpty()) {
                    return MatchSummary.empty();
                }
                MatchSummary matched = reconcile(handle, version.get(), components, false, newStore);
                if (!matched.newFindings().isEmpty()) {
                    listener.found(handle, matched.newFindings());
                }
                return matched;
            });
            total = total.plus(one);
        }
        return total;
    }

    /**
     * Re-reads the KEV listing and EPSS score of every finding's vulnerability from {@code store}. A KEV or
     * EPSS import changes no advisory, so {@link #rematch} never sees it; this brings the flags up to date.
     *
     * @return how many findings changed
     */
    public int refreshExploitation(AdvisoryStore store) {
        return inTransaction("refresh KEV and EPSS", handle -> {
            List<String> ids = handle.createQuery("SELECT DISTINCT vulnerability_id FROM findings")
                    .mapTo(String.class)
                    .list();
            Map<String, Set<String>> names = dev.assay.server.portfolio.triage.Triage.aliases(handle, ids);
            int changed = 0;
            for (String id : ids) {
                Set<String> all = names.getOrDefault(id, Set.of(id));
                boolean kev = all.stream().anyMatch(name -> store.kev(name).isPresent());
                Double epss = all.stream()
                        .map(store::epss)
                        .flatMap(java.util.Optional::stream)
                        .map(score -> score.probability())
                        .max(Double::compare)
                        .orElse(null);
                changed += handle.createUpdate("""
                                UPDATE findings SET kev = :kev, epss = :epss
                                WHERE vulnerability_id = :id
                                  AND (kev <> :kev OR COALESCE(epss, -1) <> COALESCE(:epss, -1))""")
                        .bind("kev", kev)
                        .bind("epss", epss)
                        .bind("id", id)
                        .execute();
            }
            return changed;
        });
    }

    private MatchSummary reconcile(
            Handle handle,
            VersionRef version,
            List<StoredComponent> components,
            boolean wholeInventory,
            AdvisoryStore store) {
        OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
        Map<StoredComponent, Map<String, Finding>> found = new LinkedHashMap<>();
        Map<StoredComponent, Set<PackageKey>> lookups = new LinkedHashMap<>();
        for (StoredComponent component : components) {
            RecordingAdvisoryStore recording = new RecordingAdvisoryStore(store);
            MatchReport report =
                    matcher.match(recording, new Sbom(null, List.of(component.toComponent()), List.of(), List.of()));
            Map<String, Finding> byId = new TreeMap<>();
            for (Finding finding : report.findings()) {
                if (finding.vulnerability().id().length() > MAX_ID) {
                    LOG.warn("skipping a finding whose vulnerability id is longer than {} characters", MAX_ID);
                    continue;
                }
                byId.putIfAbsent(finding.vulnerability().id(), finding);
            }
            found.put(component, byId);
            lookups.put(component, recording.lookups());
        }
        storeLookups(handle, lookups);
        storeAliases(handle, found);

        Set<Long> componentIds = new HashSet<>();
        Set<String> purls = new HashSet<>();
        components.forEach(component -> {
            componentIds.add(component.id());
            purls.add(component.purl());
        });
        Map<String, ExistingFinding> existing = new HashMap<>();
        handle.createQuery("SELECT id, component_id, vulnerability_id, state FROM findings WHERE version_id = :version")
                .bind("version", version.id())
                .map((row, context) -> new ExistingFinding(
                        row.getLong("id"),
                        row.getLong("component_id"),
                        row.getString("vulnerability_id"),
                        row.getString("state")))
                .filter(row -> wholeInventory || componentIds.contains(row.componentId()))
                .forEach(row -> existing.put(row.componentId() + "\0" + row.vulnerabilityId(), row));
        Map<String, Sighting> sightings = new HashMap<>();
        handle.createQuery("""
                        SELECT purl, vulnerability_id, first_seen, resolved_at FROM finding_sightings
                        WHERE version_id = :version""")
                .bind("version", version.id())
                .map((row, context) -> new Sighting(
                        row.getString("purl"),
                        row.getString("vulnerability_id"),
                        row.getObject("first_seen", OffsetDateTime.class),
                        row.getObject("resolved_at", OffsetDateTime.class) != null))
                .filter(row -> wholeInventory || purls.contains(row.purl()))
                .forEach(row -> sightings.put(row.purl() + "\0" + row.vulnerabilityId(), row));

        List<NewFinding> fresh = new ArrayList<>();
        int open = 0;
        Set<String> stillFound = new HashSet<>();
        Set<String> stillSighted = new HashSet<>();
        for (Map.Entry<StoredComponent, Map<String, Finding>> entry : found.entrySet()) {
            StoredComponent component = entry.getKey();
            for (Finding finding : entry.getValue().values()) {
                open++;
                String vulnerability = finding.vulnerability().id();
                String findingKey = component.id() + "\0" + vulnerability;
                String sightingKey = component.purl() + "\0" + vulnerability;
                stillFound.add(findingKey);
                stillSighted.add(sightingKey);
                Sighting sighting = sightings.get(sightingKey);
                String severity = finding.severity().name().toLowerCase(Locale.ROOT);
                boolean isNew = sighting == null || sighting.resolved();
                if (sighting == null) {
                    handle.createUpdate("""
                                    INSERT INTO finding_sightings (version_id, purl, vulnerability_id, severity, first_seen)
                                    VALUES (:version, :purl, :vulnerability, :severity, :now)""")
                            .bind("version", version.id())
                            .bind("purl", component.purl())
                            .bind("vulnerability", vulnerability)
                            .bind("severity", severity)
                            .bind("now", now)
                            .execute();
                } else {
                    handle.createUpdate("""
                                    UPDATE finding_sightings SET severity = :severity, resolved_at = NULL
                                    WHERE version_id = :version AND purl = :purl AND vulnerability_id = :vulnerability""")
                            .bind("version", version.id())
                            .bind("purl", component.purl())
                            .bind("vulnerability", vulnerability)
                            .bind("severity", severity)
                            .execute();
                }
                ExistingFinding row = existing.get(findingKey);
                long findingId;
                if (row == null) {
                    findingId = handle.createUpdate("""
                                    INSERT INTO findings (version_id, component_id, vulnerability_id, severity, first_seen,
                                        cvss, kev, epss, summary, fixed_versions, state, last_seen)
                                    VALUES (:version, :component, :vulnerability, :severity, :firstSeen, :cvss, :kev,
                                        :epss, :summary, :fixed, 'open', :now)""")
                            .bind("version", version.id())
                            .bind("component", component.id())
                            .bind("vulnerability", vulnerability)
                            .bind("severity", severity)
                            .bind("firstSeen", sighting == null || sighting.resolved() ? now : sighting.firstSeen())
                            .bind("cvss", cvss(finding))
                            .bind("kev", finding.kev())
                            .bind(
                                    "epss",
                                    finding.epssScore()
                                            .map(score -> score.probability())
                                            .orElse(null))
                            .bind("summary", truncate(finding.vulnerability().summary(), MAX_SUMMARY))
                            .bind("fixed", fixedVersions(finding.fixedVersions()))
                            .bind("now", now)
                            .executeAndReturnGeneratedKeys("id")
                            .mapTo(Long.class)
                            .one();
                } else {
                    findingId = row.id();
                    isNew = isNew || !"open".equals(row.state());
                    handle.createUpdate("""
                                    UPDATE findings SET severity = :severity, cvss = :cvss, kev = :kev, epss = :epss,
                                        summary = :summary, fixed_versions = :fixed, state = 'open', resolved_at = NULL,
                                        last_seen = :now
                                    WHERE id = :id""")
                            .bind("severity", severity)
                            .bind("cvss", cvss(finding))
                            .bind("kev", finding.kev())
                            .bind(
                                    "epss",
                                    finding.epssScore()
                                            .map(score -> score.probability())
                                            .orElse(null))
                            .bind("summary", truncate(finding.vulnerability().summary(), MAX_SUMMARY))
                            .bind("fixed", fixedVersions(finding.fixedVersions()))
                            .bind("now", now)
                            .bind("id", findingId)
                            .execute();
                }
                if (isNew) {
                    fresh.add(new NewFinding(
                            findingId,
                            version.project(),
                            version.version(),
                            vulnerability,
                            finding.vulnerability().aliases(),
                            severity,
                            cvss(finding),
                            finding.kev(),
                            component.purl()));
                }
            }
        }
        for (Map.Entry<String, ExistingFinding> entry : existing.entrySet()) {
            if (!stillFound.contains(entry.getKey())
                    && "open".equals(entry.getValue().state())) {
                handle.createUpdate("UPDATE findings SET state = 'resolved', resolved_at = :now WHERE id = :id")
                        .bind("now", now)
                        .bind("id", entry.getValue().id())
                        .execute();
            }
        }
        int closedSightings = 0;
        for (Map.Entry<String, Sighting> entry : sightings.entrySet()) {
            if (!stillSighted.contains(entry.getKey()) && !entry.getValue().resolved()) {
                closedSightings += handle.createUpdate("""
                                UPDATE finding_sightings SET resolved_at = :now
                                WHERE version_id = :version AND purl = :purl AND vulnerability_id = :vulnerability""")
                        .bind("now", now)
                        .bind("version", version.id())
                        .bind("purl", entry.getValue().purl())
                        .bind("vulnerability", entry.getValue().vulnerabilityId())
                        .execute();
            }
        }
        fresh.sort(Comparator.comparing(NewFinding::purl).thenComparing(NewFinding::vulnerability));
        // Counted by sighting: a finding whose component a replaced inventory removed has no findings row
        // left to mark, but it was resolved all the same.
        return new MatchSummary(components.size(), 1, fresh, open, closedSightings);
    }

    private static void storeLookups(Handle handle, Map<StoredComponent, Set<PackageKey>> lookups) {
        List<Object[]> rows = new ArrayList<>();
        lookups.forEach((component, keys) -> keys.forEach(key -> {
            if (key.ecosystem().length() <= 64 && key.name().length() <= 1024) {
                rows.add(new Object[] {component, key});
            }
        }));
        for (List<Object[]> chunk : chunks(rows)) {
            PreparedBatch batch = handle.prepareBatch("""
                    INSERT INTO advisory_lookups (purl, purl_base, pkg_version, ecosystem, package_name)
                    VALUES (:purl, :purlBase, :version, :ecosystem, :name) ON CONFLICT DO NOTHING""");
            for (Object[] row : chunk) {
                StoredComponent component = (StoredComponent) row[0];
                PackageKey key = (PackageKey) row[1];
                batch.bind("purl", component.purl())
                        .bind("purlBase", component.purlBase())
                        .bind("version", component.version())
                        .bind("ecosystem", key.ecosystem())
                        .bind("name", key.name())
                        .add();
            }
            batch.execute();
        }
    }

    private static void storeAliases(Handle handle, Map<StoredComponent, Map<String, Finding>> found) {
        Map<String, Set<String>> aliases = new TreeMap<>();
        found.values()
                .forEach(byId -> byId.forEach((id, finding) -> {
                    Set<String> names = aliases.computeIfAbsent(id, unused -> new TreeSet<>());
                    names.add(id);
                    finding.vulnerability().aliases().stream()
                            .filter(alias -> alias.length() <= MAX_ID)
                            .forEach(names::add);
                }));
        if (aliases.isEmpty()) {
            return;
        }
        PreparedBatch batch = handle.prepareBatch("""
                INSERT INTO vulnerability_aliases (alias, vulnerability_id) VALUES (:alias, :id)
                ON CONFLICT DO NOTHING""");
        aliases.forEach((id, names) ->
                names.forEach(alias -> batch.bind("alias", alias).bind("id", id).add()));
        batch.execute();
    }

    /** The highest CVSS base score among the vulnerability's ratings; database labels carry none. */
    static Double cvss(Finding finding) {
        return finding.vulnerability().ratings().stream()
                .filter(Rating::hasScore)
                .filter(rating -> rating.method().startsWith("CVSS"))
                .map(Rating::score)
                .max(Double::compare)
                .orElse(null);
    }

    /** Lowest first, as many as fit the column: the first fixed versions are the ones that matter. */
    static String fixedVersions(List<String> versions) {
        StringBuilder joined = new StringBuilder();
        for (String version : versions) {
            if (version.indexOf('\n') >= 0 || joined.length() + version.length() + 1 > MAX_FIXED) {
                continue;
            }
            if (!joined.isEmpty()) {
                joined.append('\n');
            }
            joined.append(version);
        }
        return joined.toString();
    }

    private static String truncate(String text, int limit) {
        return text.length() <= limit ? text : text.substring(0, limit - 1) + "…";
    }

    private static <T> List<List<T>> chunks(List<T> list) {
        List<List<T>> chunks = new ArrayList<>();
        for (int start = 0; start < list.size(); start += BATCH_SIZE) {
            chunks.add(list.subList(start, Math.min(list.size(), start + BATCH_SIZE)));
        }
        return chunks;
    }

    private static java.util.Optional<VersionRef> lock(Handle handle, long versionId) {
        return handle.createQuery("SELECT id FROM project_versions WHERE id = :id FOR UPDATE")
                .bind("id", versionId)
                .mapTo(Long.class)
                .findOne()
                .map(id -> handle.createQuery("""
                                SELECT v.id, v.version, p.name FROM project_versions v
                                JOIN projects p ON p.id = v.project_id WHERE v.id = :id""")
                        .bind("id", id)
                        .map((row, context) ->
                                new VersionRef(row.getLong("id"), row.getString("name"), row.getString("version")))
                        .one());
    }

    private <T> T inTransaction(String what, org.jdbi.v3.core.HandleCallback<T, RuntimeException> work) {
        try {
            return database.jdbi().inTransaction(work);
        } catch (JdbiException e) {
            throw new UnableToUsePortfolioDatabaseException("cannot " + what + ": " + e.getMessage(), what, e);
        }
    }

    private record VersionRef(long id, String project, String version) {}

    private record ExistingFinding(long id, long componentId, String vulnerabilityId, String state) {}

    private record Sighting(String purl, String vulnerabilityId, OffsetDateTime firstSeen, boolean resolved) {}
}
