package dev.assay.server.portfolio.api;

import dev.assay.server.portfolio.auth.Scope;
import dev.assay.server.portfolio.query.ImpactAnalysis;
import dev.assay.server.portfolio.query.ImpactReport;
import dev.assay.server.portfolio.store.PortfolioDatabase;
import dev.assay.server.portfolio.store.UnableToUsePortfolioDatabaseException;
import dev.assay.server.portfolio.triage.Triage;
import io.helidon.http.Status;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.jdbi.v3.core.JdbiException;

/** Who is affected: {@code GET /impact} by package or vulnerability, and {@code GET /vulnerabilities/{id}}. */
final class ImpactRoutes implements ApiRoutes {
    private final ImpactAnalysis impact;
    private final PortfolioDatabase database;

    ImpactRoutes(ImpactAnalysis impact, PortfolioDatabase database) {
        this.impact = impact;
        this.database = database;
    }

    @Override
    public void register(ApiRouter router) {
        router.get("/impact", Scope.READ, exchange -> {
            Optional<String> purl = exchange.query("purl").filter(value -> !value.isBlank());
            Optional<String> vulnerability = exchange.query("vulnerability").filter(value -> !value.isBlank());
            Optional<String> range = exchange.query("range").filter(value -> !value.isBlank());
            if (purl.isPresent() == vulnerability.isPresent()) {
                throw ApiProblem.badRequest("give exactly one of the query parameters 'purl' and 'vulnerability'");
            }
            if (vulnerability.isPresent() && range.isPresent()) {
                throw ApiProblem.badRequest("'range' goes with 'purl', not with 'vulnerability'");
            }
            ImpactReport report = purl.isPresent()
                    ? impact.byPackage(purl.get(), range)
                    : impact.byVulnerability(vulnerability.get());
            exchange.respond(Status.OK_200, impactJson(report));
        });
        router.get("/vulnerabilities/{id}", Scope.READ, exchange -> {
            String id = exchange.pathParameter("id");
            ImpactReport report = impact.byVulnerability(id);
            List<String> ids = report.query().vulnerabilityIds();
            Optional<Map<String, Object>> known = describe(ids);
            if (known.isEmpty()) {
                throw ApiProblem.notFound("no finding in the portfolio names the vulnerability '" + id + "'");
            }
            Map<String, Object> json = new LinkedHashMap<>(known.get());
            json.put(
                    "affected",
                    report.affected().stream().map(ApiViews.AffectedJson::of).toList());
            json.put("truncated", report.truncated());
            exchange.respond(Status.OK_200, json);
        });
    }

    private static Map<String, Object> impactJson(ImpactReport report) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("query", report.query());
        json.put(
                "affected",
                report.affected().stream().map(ApiViews.AffectedJson::of).toList());
        json.put("truncated", report.truncated());
        json.put("unorderedVersions", report.unorderedVersions());
        json.put("tookMs", report.tookMs());
        return json;
    }

    /** The vulnerability as the portfolio's findings recorded it: id, every alias, severity and summary. */
    private Optional<Map<String, Object>> describe(List<String> ids) {
        if (ids.isEmpty()) {
            return Optional.empty();
        }
        try {
            return database.jdbi().withHandle(handle -> {
                Optional<Map<String, Object>> row = handle.createQuery("""
                                SELECT vulnerability_id, severity, summary FROM findings
                                WHERE vulnerability_id IN (<ids>) ORDER BY vulnerability_id, id LIMIT 1""")
                        .bindList("ids", ids)
                        .map((rs, ctx) -> {
                            Map<String, Object> json = new LinkedHashMap<>();
                            json.put("id", rs.getString("vulnerability_id"));
                            json.put("severity", rs.getString("severity").toLowerCase(java.util.Locale.ROOT));
                            json.put("summary", rs.getString("summary"));
                            return json;
                        })
                        .findOne();
                if (row.isEmpty()) {
                    return Optional.empty();
                }
                Set<String> names = new TreeSet<>();
                Triage.aliases(handle, ids).values().forEach(names::addAll);
                names.remove(row.get().get("id"));
                Map<String, Object> json = new LinkedHashMap<>();
                json.put("id", row.get().get("id"));
                json.put("aliases", new ArrayList<>(names));
                json.put("severity", row.get().get("severity"));
                json.put("summary", row.get().get("summary"));
                return Optional.of(json);
            });
        } catch (JdbiException e) {
            throw new UnableToUsePortfolioDatabaseException(
                    "cannot read the vulnerability: " + e.getMessage(), "vulnerability", e);
        }
    }
}
