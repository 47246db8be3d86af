package dev.assay.sign.slsa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.assay.model.InvalidInputException;
import dev.assay.model.untrusted.SafeJson;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProvenanceGeneratorTest {
    private static JsonNode json(String text) {
        return SafeJson.read(text.getBytes(StandardCharsets.UTF_8), "expected");
    }

    @Test
    void generate_gitHubActions_isTheGitHubWorkflowBuildType() {
        ProvenancePredicate predicate =
                ProvenanceGenerator.generate(CiEnvironments.gitHubTagPush(), ProvenanceRequest.fromEnvironment());

        assertThat(predicate.toJson()).isEqualTo(json("""
                        {
                          "buildDefinition": {
                            "buildType": "https://slsa-framework.github.io/github-actions-buildtypes/workflow/v1",
                            "externalParameters": {
                              "workflow": {
                                "ref": "refs/tags/v1.2.0",
                                "repository": "https://github.com/acme/app",
                                "path": ".github/workflows/release.yml"
                              }
                            },
                            "internalParameters": {
                              "github": {
                                "event_name": "push",
                                "repository_id": "1296269",
                                "repository_owner_id": "583231",
                                "actor_id": "1234567",
                                "runner_environment": "github-hosted"
                              }
                            },
                            "resolvedDependencies": [{
                              "uri": "git+https://github.com/acme/app@refs/tags/v1.2.0",
                              "digest": {"gitCommit": "c27d339ee6075c1f744c5d4b200f7901aad2c369"}
                            }]
                          },
                          "runDetails": {
                            "builder": {"id": "https://github.com/acme/app/.github/workflows/release.yml@refs/tags/v1.2.0"},
                            "metadata": {"invocationId": "https://github.com/acme/app/actions/runs/1536140711/attempts/2"}
                          }
                        }
                        """));
    }

    @Test
    void generate_gitLabCi_isTheRunnersShapeWithoutItsVariables() {
        ProvenancePredicate predicate = ProvenanceGenerator.generate(
                CiEnvironments.gitLabBranchPipeline(),
                ProvenanceRequest.builder().parameter("TARGET", "linux").build());

        assertThat(predicate.toJson()).isEqualTo(json("""
                        {
                          "buildDefinition": {
                            "buildType": "https://gitlab.com/gitlab-org/gitlab-runner/-/blob/v17.5.0/PROVENANCE.md",
                            "externalParameters": {
                              "source": "https://gitlab.com/acme/app",
                              "entryPoint": "build-job",
                              "configPath": ".gitlab-ci.yml",
                              "variables": {"TARGET": "linux"}
                            },
                            "internalParameters": {
                              "name": "blue-2.saas-linux-small-amd64.runners-manager.gitlab.com/default",
                              "architecture": "linux/amd64",
                              "job": "4089072540",
                              "pipeline": "1216772341",
                              "pipelineSource": "push"
                            },
                            "resolvedDependencies": [{
                              "uri": "git+https://gitlab.com/acme/app@refs/heads/main",
                              "digest": {"gitCommit": "8bcd2df0dcd6ec07b34e5a48393a0c072065960a"}
                            }]
                          },
                          "runDetails": {
                            "builder": {"id": "https://gitlab.com/acme/app/-/runners/12270831"},
                            "metadata": {"invocationId": "https://gitlab.com/acme/app/-/jobs/4089072540"}
                          }
                        }
                        """));
        assertThat(predicate.toJson().toString()).doesNotContain("glcbt-secret");
    }

    @Test
    void generate_gitLabTagPipeline_recordsTheTagRef() {
        Map<String, String> env = CiEnvironments.gitLabBranchPipeline();
        env.remove("CI_COMMIT_BRANCH");
        env.put("CI_COMMIT_TAG", "v2.0.0");
        env.put("CI_COMMIT_REF_NAME", "v2.0.0");

        ProvenancePredicate predicate = ProvenanceGenerator.generate(env, ProvenanceRequest.fromEnvironment());

        assertThat(predicate.resolvedDependencies().get(0).uri())
                .isEqualTo("git+https://gitlab.com/acme/app@refs/tags/v2.0.0");
    }

    @Test
    void generate_explicitValues_overrideTheEnvironment() {
        ProvenanceRequest request = ProvenanceRequest.builder()
                .builderId("https://github.com/acme/builders/.github/workflows/build.yml@refs/tags/v3.0.0")
                .buildType("https://example.com/buildtypes/make/v1")
                .sourceRef("refs/heads/release")
                .sourceDigest("sha1:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")
                .startedOn(Instant.parse("2026-03-01T10:00:00Z"))
                .finishedOn(Instant.parse("2026-03-01T10:05:00Z"))
                .invocationId("run-77")
                .parameter("mode", "release")
                .build();

        JsonNode predicate = ProvenanceGenerator.generate(CiEnvironments.gitHubTagPush(), request)
                .toJson();

        assertThat(predicate.at("/runDetails/builder/id").asText())
                .isEqualTo("https://github.com/acme/builders/.github/workflows/build.yml@refs/tags/v3.0.0");
        assertThat(predicate.at("/buildDefinition/buildType").asText())
                .isEqualTo("https://example.com/buildtypes/make/v1");
        // The ref given replaces the environment's everywhere the source is recorded.
        assertThat(predicate
                        .at("/buildDefinition/externalParameters/workflow/ref")
                        .asText())
                .isEqualTo("refs/heads/release");
        assertThat(predicate.at("/buildDefinition/resolvedDependencies/0/uri").asText())
                .isEqualTo("git+https://github.com/acme/app@refs/heads/release");
        assertThat(predicate
                        .at("/buildDefinition/resolvedDependencies/0/digest/gitCommit")
                        .asText())
                .isEqualTo("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa");
        assertThat(predicate
                        .at("/buildDefinition/externalParameters/inputs/mode")
                        .asText())
                .isEqualTo("release");
        assertThat(predicate.at("/runDetails/metadata").toString())
                .isEqualTo("{\"invocationId\":\"run-77\",\"startedOn\":\"2026-03-01T10:00:00Z\","
                        + "\"finishedOn\":\"2026-03-01T10:05:00Z\"}");
    }

    @Test
    void generate_anotherRepositoryThanTheEnvironments_dropsTheEnvironmentsRefAndCommit() {
        ProvenanceRequest request = ProvenanceRequest.builder()
                .sourceUri("https://github.com/acme/other")
                .build();

        ProvenancePredicate predicate = ProvenanceGenerator.generate(CiEnvironments.gitHubTagPush(), request);

        assertThat(predicate.resolvedDependencies())
                .containsExactly(new ResourceDescriptor("git+https://github.com/acme/other", Map.of()));
    }

    @Test
    void generate_outsideCi_needsBuilderIdAndBuildType() {
        assertThatThrownBy(() -> ProvenanceGenerator.generate(Map.of(), ProvenanceRequest.fromEnvironment()))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("no builder id")
                .hasMessageContaining("--builder-id");
        assertThatThrownBy(() -> ProvenanceGenerator.generate(
                        Map.of(),
                        ProvenanceRequest.builder()
                                .builderId("https://ci.example.com")
                                .build()))
                .hasMessageContaining("no build type")
                .hasMessageContaining("--build-type");
    }

    @Test
    void generate_outsideCiWithExplicitValues_recordsSourceAndParametersApart() {
        ProvenanceRequest request = ProvenanceRequest.builder()
                .builderId("https://ci.example.com/agents/7")
                .buildType("https://example.com/buildtypes/make/v1")
                .sourceUri("https://git.example.com/acme/app")
                .sourceRef("refs/tags/v1.0.0")
                .sourceDigest("gitCommit:0123456789abcdef0123456789abcdef01234567")
                .parameter("source", "not the source")
                .build();

        JsonNode predicate = ProvenanceGenerator.generate(Map.of("PATH", "/usr/bin"), request)
                .toJson();

        assertThat(predicate.at("/buildDefinition/externalParameters").toString())
                .isEqualTo(
                        "{\"source\":\"https://git.example.com/acme/app\",\"parameters\":{\"source\":\"not the source\"}}");
        assertThat(predicate.at("/buildDefinition/resolvedDependencies/0/uri").asText())
                .isEqualTo("git+https://git.example.com/acme/app@refs/tags/v1.0.0");
        assertThat(predicate.at("/buildDefinition/internalParameters").isMissingNode())
                .isTrue();
        assertThat(predicate.at("/runDetails/metadata").isMissingNode()).isTrue();
    }

    @Test
    void generate_workflowPathContainingAt_isCutAtTheRefNotTheFirstAt() {
        Map<String, String> env = CiEnvironments.gitHubTagPush();
        env.put("GITHUB_REF", "refs/tags/pkg@1.0.0");
        env.put("GITHUB_WORKFLOW_REF", "acme/app/.github/workflows/re@lease.yml@refs/tags/pkg@1.0.0");

        JsonNode predicate = ProvenanceGenerator.generate(env, ProvenanceRequest.fromEnvironment())
                .toJson();

        assertThat(predicate
                        .at("/buildDefinition/externalParameters/workflow/path")
                        .asText())
                .isEqualTo(".github/workflows/re@lease.yml");
        assertThat(predicate
                        .at("/buildDefinition/externalParameters/workflow/ref")
                        .asText())
                .isEqualTo("refs/tags/pkg@1.0.0");
    }

    @Test
    void generate_badValues_areInvalidInputNamingThem() {
        assertThatThrownBy(() -> ProvenanceGenerator.generate(
                        CiEnvironments.gitHubTagPush(),
                        ProvenanceRequest.builder().sourceDigest("sha1:xyz").build()))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("40 hex digits");
        assertThatThrownBy(() -> ProvenanceGenerator.generate(
                        CiEnvironments.gitHubTagPush(),
                        ProvenanceRequest.builder().sourceDigest("md5:00").build()))
                .hasMessageContaining("not one of sha1, gitCommit, sha256, sha512");
        assertThatThrownBy(() -> ProvenanceGenerator.generate(
                        CiEnvironments.gitHubTagPush(),
                        ProvenanceRequest.builder().builderId("not a uri").build()))
                .hasMessageContaining("builder id 'not a uri'");
        assertThatThrownBy(() -> ProvenanceGenerator.generate(
                        CiEnvironments.gitHubTagPush(),
                        ProvenanceRequest.builder()
                                .startedOn(Instant.parse("2026-03-01T10:05:00Z"))
                                .finishedOn(Instant.parse("2026-03-01T10:00:00Z"))
                                .build()))
                .hasMessageContaining("cannot finish");
        assertThatThrownBy(() -> ProvenanceGenerator.generate(
                        Map.of(),
                        ProvenanceRequest.builder()
                                .builderId("https://ci.example.com")
                                .buildType("https://example.com/t")
                                .sourceRef("refs/heads/main")
                                .build()))
                .hasMessageContaining("--source-uri");
    }

    @Test
    void detect_noCiVariables_isNoCi_andGitLabIsNotTakenForGitHub() {
        assertThat(BuildEnvironment.detect(Map.of("GITHUB_ACTIONS", "false"))).isInstanceOf(NoCiEnvironment.class);
        assertThat(BuildEnvironment.detect(CiEnvironments.gitLabBranchPipeline()))
                .isInstanceOf(GitLabCi.class);
        assertThat(BuildEnvironment.detect(CiEnvironments.gitHubTagPush())).isInstanceOf(GitHubActions.class);
    }
}
