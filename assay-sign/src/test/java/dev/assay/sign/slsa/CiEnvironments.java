package dev.assay.sign.slsa;

import java.util.HashMap;
import java.util.Map;

/** Environment maps as the CI systems set them for one run, for tests. */
final class CiEnvironments {
    private CiEnvironments() {}

    /** A push of tag v1.2.0 of acme/app, workflow release.yml, on a GitHub-hosted runner. */
    static Map<String, String> gitHubTagPush() {
        Map<String, String> env = new HashMap<>();
        env.put("GITHUB_ACTIONS", "true");
        env.put("GITHUB_SERVER_URL", "https://github.com");
        env.put("GITHUB_REPOSITORY", "acme/app");
        env.put("GITHUB_REPOSITORY_ID", "1296269");
        env.put("GITHUB_REPOSITORY_OWNER_ID", "583231");
        env.put("GITHUB_ACTOR_ID", "1234567");
        env.put("GITHUB_REF", "refs/tags/v1.2.0");
        env.put("GITHUB_SHA", "c27d339ee6075c1f744c5d4b200f7901aad2c369");
        env.put("GITHUB_WORKFLOW_REF", "acme/app/.github/workflows/release.yml@refs/tags/v1.2.0");
        env.put("GITHUB_RUN_ID", "1536140711");
        env.put("GITHUB_RUN_ATTEMPT", "2");
        env.put("GITHUB_EVENT_NAME", "push");
        env.put("RUNNER_ENVIRONMENT", "github-hosted");
        env.put("HOME", "/home/runner");
        return env;
    }

    /** A pipeline on branch main of gitlab.com/acme/app, job build-job. */
    static Map<String, String> gitLabBranchPipeline() {
        Map<String, String> env = new HashMap<>();
        env.put("GITLAB_CI", "true");
        env.put("CI_SERVER_URL", "https://gitlab.com");
        env.put("CI_PROJECT_URL", "https://gitlab.com/acme/app");
        env.put("CI_PROJECT_PATH", "acme/app");
        env.put("CI_COMMIT_SHA", "8bcd2df0dcd6ec07b34e5a48393a0c072065960a");
        env.put("CI_COMMIT_REF_NAME", "main");
        env.put("CI_COMMIT_BRANCH", "main");
        env.put("CI_JOB_URL", "https://gitlab.com/acme/app/-/jobs/4089072540");
        env.put("CI_JOB_ID", "4089072540");
        env.put("CI_JOB_NAME", "build-job");
        env.put("CI_PIPELINE_ID", "1216772341");
        env.put("CI_PIPELINE_SOURCE", "push");
        env.put("CI_CONFIG_PATH", ".gitlab-ci.yml");
        env.put("CI_RUNNER_ID", "12270831");
        env.put("CI_RUNNER_VERSION", "17.5.0");
        env.put("CI_RUNNER_DESCRIPTION", "blue-2.saas-linux-small-amd64.runners-manager.gitlab.com/default");
        env.put("CI_RUNNER_EXECUTABLE_ARCH", "linux/amd64");
        env.put("CI_JOB_TOKEN", "glcbt-secret-never-written");
        return env;
    }
}
