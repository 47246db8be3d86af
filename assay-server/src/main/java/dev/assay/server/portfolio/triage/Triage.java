package dev.assay.server.portfolio.triage;

import dev.assay.model.InvalidInputException;
import dev.assay.model.Purl;
import dev.assay.server.portfolio.store.PortfolioDatabase;
import dev.assay.server.portfolio.store.UnableToUsePortfolioDatabaseException;
import dev.assay.version.VersRange;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.JdbiException;

/**
 * Records triage decisions and tells which one is in effect for a finding.
 *
 * <p>Decisions are evaluated when findings are read, never copied onto them: a project or purl decision
 * therefore covers versions uploaded after it was made, and a finding-scoped decision survives a re-upload
 * of its version (it follows the version and package url, not the row). The effective analysis is the most
 * specific applicable decision (finding, then project, then purl), the newest within that scope.
 */
public final class Triage {
    private static final int MAX_COMMENT = 4096;
    private static final int MAX_NAME = 255;
    private static final int CHUNK = 500;

    private static final String DECISION_COLUMNS = """
            d.id, d.vulnerability_id, d.scope_kind, d.finding_id, d.version_id, d.component_purl, d.project_id,
            d.purl_base, d.vers_range, d.state, d.justification, d.comment, d.author, d.created_at,
            d.superseded_by, p.name AS project_name, v.version AS version_name""";
    private static final String DECISION_FROM = """
            FROM triage_decisions d LEFT JOIN projects p ON p.id = d.project_id
            LEFT JOIN project_versions v ON v.id = d.version_id""";

    private final PortfolioDatabase database;
    private final Clock clock;

    public Triage(PortfolioDatabase database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    /**
     * Validates and stores a decision, marking the previous decision on the same vulnerability, scope and
     * target superseded, and writes an audit log entry.
     *
     * @throws InvalidInputException on an unknown state, scope or justification, a not_affected without
     *     justification, a missing or unknown finding or project, a purl with a version, a bad range
     */
    public TriageDecision record(TriageRequest request) {
        AnalysisState state = AnalysisState.parse(request.state());
        TriageScope scope = TriageScope.parse(request.scope());
        Justification justification = justification(state, request.justification());
        String comment = request.comment() == null ? "" : request.comment().strip();
        if (comment.length() > MAX_COMMENT) {
            throw new InvalidInputException("the comment is longer than " + MAX_COMMENT + " characters", "comment");
        }
        String author = required(request.author(), "author");
        return inTransaction("record the triage decision", handle -> {
            Target target = target(handle, scope, request);
            String vulnerability = target.vulnerability();
            OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
            long id = handle.createUpdate("""
                            INSERT INTO triage_decisions (vulnerability_id, scope_kind, finding_id, version_id,
                                component_purl, project_id, purl_base, vers_range, state, justification, comment,
                                author, created_at)
                            VALUES (:vulnerability, :scope, :finding, :version, :componentPurl, :project, :purlBase,
                                :range, :state, :justification, :comment, :author, :now)""")
                    .bind("vulnerability", vulnerability)
                    .bind("scope", scope.wireName())
                    .bind("finding", target.findingId())
                    .bind("version", target.versionId())
                    .bind("componentPurl", target.componentPurl())
                    .bind("project", target.projectId())
                    .bind("purlBase", target.purlBase())
                    .bind("range", target.range())
                    .bind("state", state.wireName())
                    .bind("justification", justification == null ? null : justification.wireName())
                    .bind("comment", comment)
                    .bind("author", author)
                    .bind("now", now)
                    .executeAndReturnGeneratedKeys("id")
                    .mapTo(Long.class)
                    .one();
            handle.createUpdate("""
                            UPDATE triage_decisions SET superseded_by = :id
                            WHERE superseded_by IS NULL AND id <> :id AND UPPER(vulnerability_id) = :upper
                              AND scope_kind = :scope
                              AND COALESCE(version_id, -1) = COALESCE(:version, -1)
                              AND COALESCE(component_purl, '') = COALESCE(:componentPurl, '')
                              AND COALESCE(project_id, -1) = COALESCE(:project, -1)
                              AND COALESCE(purl_base, '') = COALESCE(:purlBase, '')
                              AND COALESCE(vers_range, '') = COALESCE(:range, '')""")
                    .bind("id", id)
                    .bind("upper", vulnerability.toUpperCase(Locale.ROOT))
                    .bind("scope", scope.wireName())
                    .bind("version", target.versionId())
                    .bind("componentPurl", target.componentPurl())
                    .bind("project", target.projectId())
                    .bind("purlBase", target.purlBase())
                    .bind("range", target.range())
                    .execute();
            handle.createUpdate("""
                            INSERT INTO audit_log (at, actor, action, subject, detail)
                            VALUES (:at, :actor, 'triage.record', :subject, :detail)""")
                    .bind("at", now)
                    .bind("actor", author)
                    .bind("subject", vulnerability)
                    .bind(
                            "detail",
                            truncate(
                                    "decision " + id + " scope " + scope.wireName() + " state " + state.wireName()
                                            + (justification == null ? "" : " " + justification.wireName()),
                                    4096))
                    .execute();
            return decisions(handle, "d.id = :id", Map.of("id", id)).get(0).decision();
        });
    }

    /**
     * The analysis in effect for each finding of a version that has one, by finding id.
     */
    public Map<Long, Analysis> analysesOfVersion(long versionId) {
        return inTransaction("read the triage analyses", handle -> {
            List<FindingTarget> targets = targets(handle, "f.version_id = :id", versionId);
            return effective(handle, targets);
        });
    }

    /** The analysis in effect for one finding, if any decision applies to it. */
    public Optional<Analysis> analysisOf(long findingId) {
        return inTransaction("read the triage analysis", handle -> {
            List<FindingTarget> targets = targets(handle, "f.id = :id", findingId);
            return Optional.ofNullable(effective(handle, targets).get(findingId));
        });
    }

    /** For callers that already hold the findings of a version (the findings list). */
    public Map<Long, Analysis> analyses(Collection<FindingTarget> targets) {
        return inTransaction("read the triage analyses", handle -> effective(handle, List.copyOf(targets)));
    }

    /**
     * Every decision that ever applied to a finding, superseded ones included, oldest first; empty when
     * there is no finding with this id.
     */
    public Optional<List<TriageDecision>> history(long findingId) {
        return inTransaction("read the triage history", handle -> {
            List<FindingTarget> targets = targets(handle, "f.id = :id", findingId);
            if (targets.isEmpty()) {
                return Optional.<List<TriageDecision>>empty();
            }
            FindingTarget target = targets.get(0);
            return Optional.of(candidates(handle, target.vulnerabilityNames()).stream()
                    .filter(decision -> decision.appliesTo(target))
                    .map(StoredDecision::decision)
                    .sorted(Comparator.comparing(TriageDecision::at).thenComparing(TriageDecision::id))
                    .toList());
        });
    }

    private Map<Long, Analysis> effective(Handle handle, List<FindingTarget> targets) {
        Set<String> names = new TreeSet<>();
        targets.forEach(target -> names.addAll(target.vulnerabilityNames()));
        List<StoredDecision> decisions = candidates(handle, names);
        Map<Long, Analysis> result = new LinkedHashMap<>();
        for (FindingTarget target : targets) {
            decisions.stream()
                    .filter(decision -> decision.appliesTo(target))
                    .min(Comparator.comparing((StoredDecision decision) ->
                                    decision.decision().scope())
                            .thenComparing(decision -> decision.decision().at(), Comparator.reverseOrder())
                            .thenComparing(decision -> decision.decision().id(), Comparator.reverseOrder()))
                    .ifPresent(decision ->
                            result.put(target.findingId(), decision.decision().analysis()));
        }
        return result;
    }

    /** Decisions naming any of these (upper-cased) vulnerability names. */
    private static List<StoredDecision> candidates(Handle handle, Set<String> upperNames) {
        List<StoredDecision> result = new ArrayList<>();
        List<String> all = new ArrayList<>(upperNames);
        for (int start = 0; start < all.size(); start += CHUNK) {
            List<String> chunk = all.subList(start, Math.min(all.size(), start + CHUNK));
            result.addAll(handle.createQuery("SELECT " + DECISION_COLUMNS + " " + DECISION_FROM
                            + " WHERE UPPER(d.vulnerability_id) IN (<names>)")
                    .bindList("names", chunk)
                    .map((row, context) -> StoredDecision.map(row))
                    .list());
        }
        return result;
    }

    private static List<StoredDecision> decisions(Handle handle, String where, Map<String, Object> bindings) {
        var query = handle.createQuery("SELECT " + DECISION_COLUMNS + " " + DECISION_FROM + " WHERE " + where);
        bindings.forEach(query::bind);
        return query.map((row, context) -> StoredDecision.map(row)).list();
    }

    /** The findings matching {@code where} (over {@code f}), each with every name of its vulnerability. */
    static List<FindingTarget> targets(Handle handle, String where, long id) {
        record Row(
                long findingId,
                long versionId,
                long projectId,
                String purl,
                String purlBase,
                String type,
                String pkgVersion,
                String vulnerability) {}
        List<Row> rows = handle.createQuery("""
                        SELECT f.id, f.version_id, v.project_id, c.purl, c.purl_base, c.type, c.pkg_version,
                            f.vulnerability_id
                        FROM findings f JOIN components c ON c.id = f.component_id
                        JOIN project_versions v ON v.id = f.version_id""" + " WHERE " + where)
                .bind("id", id)
                .map((row, context) -> new Row(
                        row.getLong("id"),
                        row.getLong("version_id"),
                        row.getLong("project_id"),
                        row.getString("purl"),
                        row.getString("purl_base"),
                        row.getString("type"),
                        row.getString("pkg_version"),
                        row.getString("vulnerability_id")))
                .list();
        Map<String, Set<String>> aliases =
                aliases(handle, rows.stream().map(Row::vulnerability).toList());
        return rows.stream()
                .map(row -> new FindingTarget(
                        row.findingId(),
                        row.versionId(),
                        row.projectId(),
                        row.purl(),
                        row.purlBase(),
                        row.type(),
                        row.pkgVersion(),
                        aliases.getOrDefault(row.vulnerability(), Set.of(row.vulnerability()))))
                .toList();
    }

    /** Every name of each vulnerability id (the id itself included). */
    public static Map<String, Set<String>> aliases(Handle handle, Collection<String> vulnerabilityIds) {
        Map<String, Set<String>> result = new HashMap<>();
        vulnerabilityIds.forEach(
                id -> result.computeIfAbsent(id, unused -> new TreeSet<>()).add(id));
        List<String> ids = new ArrayList<>(result.keySet());
        for (int start = 0; start < ids.size(); start += CHUNK) {
            handle.createQuery(
                            "SELECT alias, vulnerability_id FROM vulnerability_aliases WHERE vulnerability_id IN (<ids>)")
                    .bindList("ids", ids.subList(start, Math.min(ids.size(), start + CHUNK)))
                    .map((row, context) -> Map.entry(row.getString("vulnerability_id"), row.getString("alias")))
                    .forEach(entry -> result.get(entry.getKey()).add(entry.getValue()));
        }
        return result;
    }

    private static Target target(Handle handle, TriageScope scope, TriageRequest request) {
        return switch (scope) {
            case FINDING -> {
                if (request.findingId() == null) {
                    throw new InvalidInputException("a finding decision needs findingId", "findingId");
                }
                List<FindingTarget> found = targets(handle, "f.id = :id", request.findingId());
                if (found.isEmpty()) {
                    throw new InvalidInputException(
                            "no finding with id " + request.findingId(),
                            request.findingId().toString());
                }
                FindingTarget finding = found.get(0);
                String vulnerability = handle.createQuery("SELECT vulnerability_id FROM findings WHERE id = :id")
                        .bind("id", finding.findingId())
                        .mapTo(String.class)
                        .one();
                if (request.vulnerability() != null
                        && !request.vulnerability().isBlank()
                        && !finding.names(request.vulnerability().strip())) {
                    throw new InvalidInputException(
                            "finding " + finding.findingId() + " is " + vulnerability + ", not "
                                    + request.vulnerability(),
                            "vulnerability");
                }
                yield new Target(
                        vulnerability,
                        finding.findingId(),
                        finding.versionId(),
                        finding.purl(),
                        finding.projectId(),
                        null,
                        null);
            }
            case PROJECT -> {
                String name = required(request.project(), "project");
                long projectId = handle.createQuery("SELECT id FROM projects WHERE name = :name")
                        .bind("name", name)
                        .mapTo(Long.class)
                        .findOne()
                        .orElseThrow(() -> new InvalidInputException("no project named '" + name + "'", "project"));
                yield new Target(vulnerability(handle, request), null, null, null, projectId, null, null);
            }
            case PURL -> {
                String text = required(request.purl(), "purl");
                Purl purl = Purl.parse(text);
                if (purl.version().isPresent()) {
                    throw new InvalidInputException(
                            "the purl of a purl decision names a package, not a version: give "
                                    + purl.withoutVersion() + " and the versions as a range (vers:"
                                    + purl.type() + "/<...)",
                            "purl");
                }
                String range = request.range() == null || request.range().isBlank()
                        ? null
                        : request.range().strip();
                if (range != null) {
                    checkRange(range, purl.type());
                }
                yield new Target(vulnerability(handle, request), null, null, null, null, purl.withoutVersion(), range);
            }
        };
    }

    /**
     * A range is usable when it can be decided for its own bounds: then its scheme is known and every bound
     * is a version that scheme can order ({@link VersRange} answers empty otherwise).
     */
    static void checkRange(String range, String purlType) {
        if (range.length() > 1024) {
            throw new InvalidInputException("the range is longer than 1024 characters", "range");
        }
        String lower = range.toLowerCase(Locale.ROOT);
        int slash = range.indexOf('/');
        if (!lower.startsWith("vers:") || slash < 0) {
            throw new InvalidInputException(
                    "bad range '" + range + "'; expected vers:" + purlType + "/<constraints>, e.g. vers:" + purlType
                            + "/<2.17.1",
                    "range");
        }
        String type = lower.substring(5, slash);
        if (!type.equals(purlType.toLowerCase(Locale.ROOT)) && !type.equals("generic")) {
            throw new InvalidInputException(
                    "the range is for " + type + " versions but the package is " + purlType, "range");
        }
        String constraints = range.substring(slash + 1).strip();
        if (constraints.equals("*")) {
            return;
        }
        for (String raw : constraints.split("\\|", -1)) {
            String bound = raw.strip().replaceFirst("^(>=|<=|!=|<|>|=)", "").strip();
            // Lenient schemes (Maven orders any text) would accept a stray comparator as part of a version.
            if (bound.isEmpty()
                    || bound.matches(".*[<>=!\\s].*")
                    || VersRange.contains(range, bound, purlType).isEmpty()) {
                throw new InvalidInputException(
                        "bad range '" + range + "': '" + raw.strip() + "' is not a constraint on a " + purlType
                                + " version",
                        "range");
            }
        }
    }

    /** As written, but spelled as the portfolio already knows it (an alias of a stored finding). */
    private static String vulnerability(Handle handle, TriageRequest request) {
        String given = required(request.vulnerability(), "vulnerability");
        return handle.createQuery("SELECT alias FROM vulnerability_aliases WHERE UPPER(alias) = :upper")
                .bind("upper", given.toUpperCase(Locale.ROOT))
                .mapTo(String.class)
                .findFirst()
                .orElse(given.regionMatches(true, 0, "CVE-", 0, 4) ? given.toUpperCase(Locale.ROOT) : given);
    }

    private static Justification justification(AnalysisState state, String value) {
        boolean given = value != null && !value.isBlank();
        if (state == AnalysisState.NOT_AFFECTED && !given) {
            throw new InvalidInputException(
                    "a not_affected decision needs a justification: component_not_present, vulnerable_code_not_present,"
                            + " vulnerable_code_not_in_execute_path, vulnerable_code_cannot_be_controlled_by_adversary"
                            + " or inline_mitigations_already_exist",
                    "justification");
        }
        if (state != AnalysisState.NOT_AFFECTED && given) {
            throw new InvalidInputException(
                    "a justification only goes with state not_affected, not " + state.wireName(), "justification");
        }
        return given ? Justification.parse(value) : null;
    }

    private static String required(String value, String what) {
        if (value == null || value.isBlank()) {
            throw new InvalidInputException("the " + what + " is missing", what);
        }
        String stripped = value.strip();
        if (stripped.length() > MAX_NAME && !what.equals("purl")) {
            throw new InvalidInputException("the " + what + " is longer than " + MAX_NAME + " characters", what);
        }
        if (stripped.length() > 2048) {
            throw new InvalidInputException("the " + what + " is longer than 2048 characters", what);
        }
        return stripped;
    }

    private static String truncate(String text, int limit) {
        return text.length() <= limit ? text : text.substring(0, limit);
    }

    private <T> T inTransaction(String what, org.jdbi.v3.core.HandleCallback<T, RuntimeException> work) {
        try {
            return database.jdbi().inTransaction(work);
        } catch (JdbiException e) {
            throw new UnableToUsePortfolioDatabaseException("cannot " + what + ": " + e.getMessage(), what, e);
        }
    }

    private record Target(
            String vulnerability,
            Long findingId,
            Long versionId,
            String componentPurl,
            Long projectId,
            String purlBase,
            String range) {}

    /** A decision with the target columns the public record does not show. */
    private record StoredDecision(
            TriageDecision decision, Long versionId, String componentPurl, Long projectId, String purlBase) {

        static StoredDecision map(ResultSet row) throws SQLException {
            String justification = row.getString("justification");
            TriageScope scope = TriageScope.parse(row.getString("scope_kind"));
            String componentPurl = row.getString("component_purl");
            String purlBase = row.getString("purl_base");
            TriageDecision decision = new TriageDecision(
                    row.getLong("id"),
                    row.getString("vulnerability_id"),
                    scope,
                    row.getObject("finding_id", Long.class),
                    row.getString("project_name"),
                    row.getString("version_name"),
                    scope == TriageScope.PURL ? purlBase : componentPurl,
                    row.getString("vers_range"),
                    AnalysisState.parse(row.getString("state")),
                    justification == null ? null : Justification.parse(justification),
                    row.getString("comment"),
                    row.getString("author"),
                    row.getObject("created_at", OffsetDateTime.class).toInstant(),
                    row.getObject("superseded_by", Long.class));
            return new StoredDecision(
                    decision,
                    row.getObject("version_id", Long.class),
                    componentPurl,
                    row.getObject("project_id", Long.class),
                    purlBase);
        }

        boolean appliesTo(FindingTarget target) {
            if (!target.names(decision.vulnerability())) {
                return false;
            }
            return switch (decision.scope()) {
                case FINDING ->
                    versionId != null
                            && versionId == target.versionId()
                            && target.purl().equals(componentPurl);
                case PROJECT -> projectId != null && projectId == target.projectId();
                case PURL ->
                    target.purlBase().equals(purlBase)
                            && (decision.range() == null
                                    || VersRange.contains(decision.range(), target.packageVersion(), target.purlType())
                                            .orElse(false));
            };
        }
    }
}
