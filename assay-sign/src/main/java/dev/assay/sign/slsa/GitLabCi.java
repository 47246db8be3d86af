package dev.assay.sign.slsa;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.assay.model.untrusted.SafeJson;
import java.util.Map;
import java.util.Optional;

/**
 * GitLab CI, in the shape of GitLab Runner's own SLSA v1 provenance: build type {@code PROVENANCE.md} of the
 * runner's version, external parameters {@code source} (the project URL) and {@code entryPoint} (the job),
 * internal parameters naming the runner and the job, builder id {@code PROJECT_URL/-/runners/RUNNER_ID}.
 *
 * <p>Two deliberate differences: the runner lists every CI variable under {@code variables} and masks only
 * those marked secret, which Assay cannot tell apart, so {@code variables} holds only the parameters the
 * user gives; and the source is recorded as {@code git+URL@REF} with a {@code gitCommit} digest (the runner
 * labels the commit id sha256), so that its ref can be verified like any other provenance's.
 */
public final class GitLabCi implements BuildEnvironment {
    private static final String BUILD_TYPE_FORMAT =
            "https://gitlab.com/gitlab-org/gitlab-runner/-/blob/%s/PROVENANCE.md";

    private final EnvironmentVariables variables;

    GitLabCi(Map<String, String> environment) {
        this.variables = new EnvironmentVariables(environment);
    }

    @Override
    public String name() {
        return "GitLab CI";
    }

    private Optional<String> projectUrl() {
        return variables
                .get("CI_PROJECT_URL")
                .or(() -> variables
                        .get("CI_SERVER_URL")
                        .flatMap(server -> variables
                                .get("CI_PROJECT_PATH")
                                .map(path -> server.replaceAll("/+$", "") + "/" + path)));
    }

    @Override
    public Optional<String> builderId() {
        return projectUrl().flatMap(project -> variables.get("CI_RUNNER_ID").map(id -> project + "/-/runners/" + id));
    }

    @Override
    public Optional<String> buildType() {
        return variables
                .get("CI_RUNNER_VERSION")
                .map(version -> String.format(
                        java.util.Locale.ROOT, BUILD_TYPE_FORMAT, version.startsWith("v") ? version : "v" + version));
    }

    @Override
    public Optional<SourceRevision> source() {
        return projectUrl()
                .map(project -> new SourceRevision(
                        project,
                        ref().orElse(null),
                        variables
                                .get("CI_COMMIT_SHA")
                                .map(sha -> Map.of("gitCommit", sha))
                                .orElse(Map.of())));
    }

    private Optional<String> ref() {
        return variables
                .get("CI_COMMIT_TAG")
                .map(tag -> "refs/tags/" + tag)
                .or(() -> variables.get("CI_COMMIT_BRANCH").map(branch -> "refs/heads/" + branch))
                // Merge-request pipelines set neither; the ref name is then the source branch.
                .or(() -> variables.get("CI_COMMIT_REF_NAME").map(name -> "refs/heads/" + name));
    }

    @Override
    public Optional<String> invocationId() {
        return variables.get("CI_JOB_URL");
    }

    @Override
    public Optional<String> runId() {
        return variables.get("CI_JOB_ID");
    }

    @Override
    public ObjectNode externalParameters(Optional<SourceRevision> source, Map<String, String> parameters) {
        ObjectNode external = SafeJson.mapper().createObjectNode();
        source.ifPresent(s -> external.put("source", s.repository()));
        variables.putIfPresent(external, "entryPoint", "CI_JOB_NAME");
        variables.putIfPresent(external, "configPath", "CI_CONFIG_PATH");
        if (!parameters.isEmpty()) {
            ObjectNode user = external.putObject("variables");
            parameters.forEach(user::put);
        }
        return external;
    }

    @Override
    public ObjectNode internalParameters() {
        ObjectNode internal = SafeJson.mapper().createObjectNode();
        variables.putIfPresent(internal, "name", "CI_RUNNER_DESCRIPTION");
        variables.putIfPresent(internal, "architecture", "CI_RUNNER_EXECUTABLE_ARCH");
        variables.putIfPresent(internal, "job", "CI_JOB_ID");
        variables.putIfPresent(internal, "pipeline", "CI_PIPELINE_ID");
        variables.putIfPresent(internal, "pipelineSource", "CI_PIPELINE_SOURCE");
        return internal;
    }
}
