package dev.assay.sign.slsa;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.Optional;

/**
 * The CI system a provenance is generated in, read from its environment variables. The environment is
 * passed in as a map (the process's own in the CLI) so that nothing here reads global state.
 */
public sealed interface BuildEnvironment permits GitHubActions, GitLabCi, NoCiEnvironment {
    /** GitHub Actions when {@code GITHUB_ACTIONS=true}, GitLab CI when {@code GITLAB_CI=true}, else none. */
    static BuildEnvironment detect(Map<String, String> environment) {
        if ("true".equals(environment.get("GITHUB_ACTIONS"))) {
            return new GitHubActions(environment);
        }
        if ("true".equals(environment.get("GITLAB_CI"))) {
            return new GitLabCi(environment);
        }
        return new NoCiEnvironment();
    }

    /** For people: "GitHub Actions", "GitLab CI", "no CI system". */
    String name();

    Optional<String> builderId();

    Optional<String> buildType();

    Optional<SourceRevision> source();

    Optional<String> invocationId();

    /** The run's own id (GitHub run id, GitLab job id). */
    Optional<String> runId();

    /**
     * The build type's external parameters for the (possibly overridden) source and the user's parameters.
     */
    ObjectNode externalParameters(Optional<SourceRevision> source, Map<String, String> parameters);

    ObjectNode internalParameters();
}
