package dev.assay.server.portfolio.api;

import dev.assay.server.portfolio.auth.Scope;
import dev.assay.server.portfolio.findings.FindingQueries;
import dev.assay.server.portfolio.triage.Triage;
import io.helidon.http.Status;
import java.util.Map;

/** A version's findings with triage applied, and the triage history of one finding. */
final class FindingRoutes implements ApiRoutes {
    private final FindingQueries queries;
    private final Triage triage;

    FindingRoutes(FindingQueries queries, Triage triage) {
        this.queries = queries;
        this.triage = triage;
    }

    @Override
    public void register(ApiRouter router) {
        router.get("/projects/{project}/versions/{version}/findings", Scope.READ, exchange -> {
            String project = exchange.pathName("project", "project");
            String version = exchange.pathName("version", "version");
            long versionId = queries.versionId(project, version)
                    .orElseThrow(
                            () -> ApiProblem.notFound("no version '" + version + "' of project '" + project + "'"));
            exchange.respond(
                    Status.OK_200,
                    Map.of(
                            "findings",
                            queries.findingsOfVersion(versionId, false).stream()
                                    .map(ApiViews.FindingJson::of)
                                    .toList()));
        });
        router.get("/findings/{id}/history", Scope.READ, exchange -> {
            long id = findingId(exchange.pathParameter("id"));
            exchange.respond(
                    Status.OK_200,
                    Map.of(
                            "history",
                            triage
                                    .history(id)
                                    .orElseThrow(() -> ApiProblem.notFound("no finding with id " + id))
                                    .stream()
                                    .map(ApiViews::decision)
                                    .toList()));
        });
    }

    static long findingId(String text) {
        try {
            long id = Long.parseLong(text);
            if (id > 0) {
                return id;
            }
        } catch (NumberFormatException e) {
            // answered below, as any other bad id
        }
        throw ApiProblem.badRequest("a finding id is a positive number, not '"
                + (text.length() > 40 ? text.substring(0, 40) + "..." : text) + "'");
    }
}
