package dev.assay.sign.slsa;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.assay.model.untrusted.SafeJson;
import java.util.Map;
import java.util.Optional;

/**
 * GitHub Actions, described with the SLSA community's GitHub Actions workflow build type (the one
 * slsa-github-generator writes and slsa-verifier reads): external parameters {@code workflow {ref,
 * repository, path}} and {@code inputs}, internal parameters from the {@code github} context, the source
 * commit as the one resolved dependency, and the run attempt as the invocation id.
 *
 * <p>The builder id is the top-level workflow ({@code GITHUB_SERVER_URL/GITHUB_WORKFLOW_REF}): it is the
 * entity that produces the provenance when Assay runs in it. A reusable workflow that calls Assay is a
 * different builder; give its id explicitly.
 */
public final class GitHubActions implements BuildEnvironment {
    public static final String BUILD_TYPE = "https://slsa-framework.github.io/github-actions-buildtypes/workflow/v1";

    private final EnvironmentVariables variables;

    GitHubActions(Map<String, String> environment) {
        this.variables = new EnvironmentVariables(environment);
    }

    @Override
    public String name() {
        return "GitHub Actions";
    }

    private String serverUrl() {
        return variables.get("GITHUB_SERVER_URL").orElse("https://github.com").replaceAll("/+$", "");
    }

    @Override
    public Optional<String> builderId() {
        return variables.get("GITHUB_WORKFLOW_REF").map(workflowRef -> serverUrl() + "/" + workflowRef);
    }

    @Override
    public Optional<String> buildType() {
        return Optional.of(BUILD_TYPE);
    }

    @Override
    public Optional<SourceRevision> source() {
        return variables
                .get("GITHUB_REPOSITORY")
                .map(repository -> new SourceRevision(
                        serverUrl() + "/" + repository,
                        variables.get("GITHUB_REF").orElse(null),
                        variables
                                .get("GITHUB_SHA")
                                .map(sha -> Map.of("gitCommit", sha))
                                .orElse(Map.of())));
    }

    @Override
    public Optional<String> invocationId() {
        return variables
                .get("GITHUB_RUN_ID")
                .flatMap(runId -> variables
                        .get("GITHUB_REPOSITORY")
                        .map(repository -> serverUrl() + "/" + repository + "/actions/runs/" + runId + "/attempts/"
                                + variables.get("GITHUB_RUN_ATTEMPT").orElse("1")));
    }

    @Override
    public Optional<String> runId() {
        return variables.get("GITHUB_RUN_ID");
    }

    @Override
    public ObjectNode externalParameters(Optional<SourceRevision> source, Map<String, String> parameters) {
        ObjectNode external = SafeJson.mapper().createObjectNode();
        ObjectNode workflow = external.putObject("workflow");
        source.ifPresent(s -> {
            if (s.ref() != null) {
                workflow.put("ref", s.ref());
            }
            workflow.put("repository", s.repository());
        });
        workflowPath().ifPresent(path -> workflow.put("path", path));
        if (!parameters.isEmpty()) {
            ObjectNode inputs = external.putObject("inputs");
            parameters.forEach(inputs::put);
        }
        return external;
    }

    /**
     * {@code GITHUB_WORKFLOW_REF} is {@code owner/repo/PATH@REF}; the path and the ref may both contain '@',
     * so the known ref is cut off the end rather than splitting at the first '@'.
     */
    Optional<String> workflowPath() {
        Optional<String> workflowRef = variables.get("GITHUB_WORKFLOW_REF");
        if (workflowRef.isEmpty()) {
            return Optional.empty();
        }
        String path = workflowRef.get();
        String repositoryPrefix =
                variables.get("GITHUB_REPOSITORY").map(r -> r + "/").orElse("");
        if (path.startsWith(repositoryPrefix)) {
            path = path.substring(repositoryPrefix.length());
        }
        Optional<String> ref = variables.get("GITHUB_REF");
        if (ref.isPresent() && path.endsWith("@" + ref.get())) {
            return Optional.of(path.substring(0, path.length() - ref.get().length() - 1));
        }
        int at = path.indexOf('@');
        return Optional.of(at < 0 ? path : path.substring(0, at));
    }

    @Override
    public ObjectNode internalParameters() {
        ObjectNode internal = SafeJson.mapper().createObjectNode();
        ObjectNode github = internal.putObject("github");
        variables.putIfPresent(github, "event_name", "GITHUB_EVENT_NAME");
        variables.putIfPresent(github, "repository_id", "GITHUB_REPOSITORY_ID");
        variables.putIfPresent(github, "repository_owner_id", "GITHUB_REPOSITORY_OWNER_ID");
        variables.putIfPresent(github, "actor_id", "GITHUB_ACTOR_ID");
        variables.putIfPresent(github, "runner_environment", "RUNNER_ENVIRONMENT");
        return github.isEmpty() ? SafeJson.mapper().createObjectNode() : internal;
    }
}
