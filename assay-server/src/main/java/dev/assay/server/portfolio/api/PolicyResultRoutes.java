package dev.assay.server.portfolio.api;

import dev.assay.model.untrusted.BoundedInput;
import dev.assay.server.portfolio.audit.AuditLog;
import dev.assay.server.portfolio.auth.Scope;
import dev.assay.server.portfolio.policy.LevelCounts;
import dev.assay.server.portfolio.policy.PolicyResults;
import dev.assay.server.portfolio.policy.SarifResults;
import dev.assay.server.portfolio.policy.StoredPolicyResult;
import dev.assay.server.portfolio.policy.ToolResults;
import dev.assay.server.portfolio.store.PortfolioDatabase;
import dev.assay.server.portfolio.store.UnableToUsePortfolioDatabaseException;
import io.helidon.http.Status;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.jdbi.v3.core.JdbiException;

/**
 * {@code .../policy-results}: the SARIF reports of policy and misconfiguration checks about a project
 * version, uploaded per tool and listed most severe first.
 */
final class PolicyResultRoutes implements ApiRoutes {
    static final String PATH = "/projects/{project}/versions/{version}/policy-results";

    /** JSON by any of its names, or gzip of it; a form encoding or plain text is refused (415). */
    static final Set<String> MEDIA_TYPES =
            Set.of("application/json", "application/sarif+json", "application/gzip", "application/x-gzip");

    private final PortfolioDatabase database;
    private final PolicyResults results;
    private final PortfolioReads reads;
    private final Clock clock;

    PolicyResultRoutes(PortfolioDatabase database, PortfolioReads reads, Clock clock) {
        this.database = database;
        this.results = new PolicyResults(database);
        this.reads = reads;
        this.clock = clock;
    }

    record ToolCount(String tool, int results) {}

    record UploadResponse(String project, String version, List<ToolCount> tools, int results) {}

    record ResultView(String tool, String rule, String level, String message, String location, String uploadedAt) {}

    record ResultList(List<ResultView> results, LevelCounts summary) {}

    @Override
    public void register(ApiRouter router) {
        router.post(PATH, Scope.UPLOAD, this::upload);
        router.get(PATH, Scope.READ, this::list);
    }

    private void upload(ApiExchange exchange) {
        String project = exchange.pathName("project", "project");
        String version = exchange.pathName("version", "version");
        byte[] body = exchange.upload(MEDIA_TYPES, "the SARIF report");
        String name = "the uploaded SARIF report";
        List<ToolResults> tools = SarifResults.read(
                BoundedInput.gunzipIfCompressed(body, exchange.limits().maxUploadBytes(), name),
                name,
                SarifResults.DEFAULT_MAX_RESULTS);
        OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
        String subject = project + "@" + version;
        try {
            database.jdbi().useTransaction(handle -> {
                long versionId = PortfolioReads.versionId(handle, project, version)
                        .orElseThrow(() -> notFound(project, version));
                for (ToolResults tool : tools) {
                    PolicyResults.replace(handle, versionId, tool.tool(), tool.results(), now);
                }
                AuditLog.record(
                        handle,
                        now,
                        exchange.caller().name(),
                        "policy-results.upload",
                        subject,
                        tools.isEmpty()
                                ? "no runs"
                                : tools.stream()
                                        .map(tool -> tool.tool() + ": "
                                                + tool.results().size() + " results")
                                        .collect(Collectors.joining(", ")));
            });
        } catch (JdbiException e) {
            throw new UnableToUsePortfolioDatabaseException(
                    "cannot store the policy results of " + subject + ": " + e.getMessage(), subject, e);
        }
        List<ToolCount> counts = tools.stream()
                .map(tool -> new ToolCount(tool.tool(), tool.results().size()))
                .toList();
        exchange.respond(
                Status.OK_200,
                new UploadResponse(
                        project,
                        version,
                        counts,
                        counts.stream().mapToInt(ToolCount::results).sum()));
    }

    private void list(ApiExchange exchange) {
        String project = exchange.pathName("project", "project");
        String version = exchange.pathName("version", "version");
        long versionId = reads.versionId(project, version).orElseThrow(() -> notFound(project, version));
        List<StoredPolicyResult> stored = results.list(versionId);
        List<ResultView> views = stored.stream()
                .map(result -> new ResultView(
                        result.tool(),
                        result.rule(),
                        result.level().label(),
                        result.message(),
                        result.location(),
                        PortfolioReads.iso(result.uploadedAt())))
                .toList();
        exchange.respond(Status.OK_200, new ResultList(views, results.counts(versionId)));
    }

    private static ApiProblem notFound(String project, String version) {
        return ApiProblem.notFound("no version '" + version + "' of project '" + project
                + "'; upload its SBOM first (POST /api/v1/sboms)");
    }
}
