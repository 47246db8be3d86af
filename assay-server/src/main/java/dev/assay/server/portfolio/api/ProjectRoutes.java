package dev.assay.server.portfolio.api;

import dev.assay.server.portfolio.auth.Scope;
import io.helidon.http.Status;
import java.util.Map;

/** The projects, their versions and each version's components. */
final class ProjectRoutes implements ApiRoutes {
    static final int MAX_PAGE = 1000;
    static final int MAX_FILTER_LENGTH = 512;

    private final PortfolioReads reads;

    ProjectRoutes(PortfolioReads reads) {
        this.reads = reads;
    }

    @Override
    public void register(ApiRouter router) {
        router.get(
                "/projects",
                Scope.READ,
                exchange -> exchange.respond(Status.OK_200, Map.of("projects", reads.projects())));
        router.get("/projects/{project}", Scope.READ, exchange -> {
            String project = exchange.pathName("project", "project");
            exchange.respond(
                    Status.OK_200,
                    reads.project(project)
                            .orElseThrow(() -> ApiProblem.notFound("no project named '" + project + "'")));
        });
        router.get("/projects/{project}/versions/{version}/components", Scope.READ, exchange -> {
            String project = exchange.pathName("project", "project");
            String version = exchange.pathName("version", "version");
            int offset = exchange.queryInt("offset", 0, 0, Integer.MAX_VALUE);
            int limit = exchange.queryInt("limit", 100, 1, MAX_PAGE);
            var filter = exchange.query("q").map(String::strip).filter(q -> !q.isEmpty());
            if (filter.isPresent() && filter.get().length() > MAX_FILTER_LENGTH) {
                throw ApiProblem.badRequest(
                        "the query parameter 'q' is longer than " + MAX_FILTER_LENGTH + " characters");
            }
            long versionId = reads.versionId(project, version)
                    .orElseThrow(
                            () -> ApiProblem.notFound("no version '" + version + "' of project '" + project + "'"));
            exchange.respond(Status.OK_200, reads.components(versionId, offset, limit, filter));
        });
    }
}
