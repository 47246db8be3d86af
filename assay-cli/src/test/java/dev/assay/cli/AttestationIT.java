package dev.assay.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.assay.model.untrusted.SafeJson;
import dev.assay.testkit.Fixtures;
import dev.assay.testkit.ProjectRoot;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * attest, then verify attestation / verify provenance / verify blob, as processes of the packaged CLI, with
 * the password in ASSAY_PASSWORD and a GitHub Actions or GitLab CI run simulated by its variables.
 */
class AttestationIT {
    private static final String PASSWORD = "s3cret-for-tests";
    private static final String BUILDER = "https://github.com/acme/app/.github/workflows/release.yml";

    @TempDir
    Path temp;

    private Path artifact;

    @BeforeEach
    void keysAndArtifact() throws Exception {
        Result keygen = assay(
                Map.of(), "keygen", "--output-prefix", temp.resolve("cosign").toString());
        assertThat(keygen.exitCode()).as(keygen.output()).isZero();
        artifact = Files.writeString(temp.resolve("app.tar"), "release 1.2.0\n", StandardCharsets.UTF_8);
    }

    private static Map<String, String> gitHubTagPush() {
        Map<String, String> env = new HashMap<>();
        env.put("GITHUB_ACTIONS", "true");
        env.put("GITHUB_SERVER_URL", "https://github.com");
        env.put("GITHUB_REPOSITORY", "acme/app");
        env.put("GITHUB_REF", "refs/tags/v1.2.0");
        env.put("GITHUB_SHA", "c27d339ee6075c1f744c5d4b200f7901aad2c369");
        env.put("GITHUB_WORKFLOW_REF", "acme/app/.github/workflows/release.yml@refs/tags/v1.2.0");
        env.put("GITHUB_RUN_ID", "1536140711");
        env.put("GITHUB_RUN_ATTEMPT", "1");
        env.put("GITHUB_EVENT_NAME", "push");
        env.put("RUNNER_ENVIRONMENT", "github-hosted");
        return env;
    }

    @Test
    void provenanceInGitHubActions_roundTripsThroughEveryVerifier() throws Exception {
        Path envelope = temp.resolve("app.tar.intoto.jsonl");
        Path bundle = temp.resolve("app.tar.sigstore.json");

        Result attest = assay(
                gitHubTagPush(),
                "attest",
                "provenance",
                "--subject",
                artifact.toString(),
                "--key",
                key(),
                "--bundle",
                bundle.toString(),
                "--output",
                envelope.toString(),
                "--started-on",
                "2026-03-01T10:00:00Z",
                "--finished-on",
                "2026-03-01T10:05:00Z");
        assertThat(attest.exitCode()).as(attest.output()).isZero();
        JsonNode written = SafeJson.read(Files.readAllBytes(envelope), "envelope");
        assertThat(written.path("payloadType").asText()).isEqualTo("application/vnd.in-toto+json");
        assertThat(SafeJson.read(Files.readAllBytes(bundle), "bundle")
                        .path("dsseEnvelope")
                        .path("payload"))
                .isEqualTo(written.path("payload"));

        for (Path document : List.of(envelope, bundle)) {
            Result attestation = assay(
                    Map.of(),
                    "verify",
                    "attestation",
                    document.toString(),
                    "--key",
                    pub(),
                    "--type",
                    "slsaprovenance",
                    "--subject",
                    artifact.toString(),
                    "--print",
                    "predicate");
            assertThat(attestation.exitCode()).as(attestation.output()).isZero();
            assertThat(attestation.output())
                    .contains(
                            "\"id\" : \"" + BUILDER + "@refs/tags/v1.2.0\"",
                            "\"startedOn\" : \"2026-03-01T10:00:00Z\"");

            Result provenance = assay(
                    Map.of(),
                    "verify",
                    "provenance",
                    document.toString(),
                    "--key",
                    pub(),
                    "--subject",
                    artifact.toString(),
                    "--builder-id",
                    BUILDER,
                    "--source-uri",
                    "github.com/acme/app",
                    "--source-tag",
                    "v1.2.0");
            assertThat(provenance.exitCode()).as(provenance.output()).isZero();
            assertThat(provenance.output())
                    .contains("verified:", "source https://github.com/acme/app at commit c27d339e");
        }
        Result blob =
                assay(Map.of(), "verify", "blob", artifact.toString(), "--key", pub(), "--bundle", bundle.toString());
        assertThat(blob.exitCode()).as(blob.output()).isZero();

        Result otherTag = assay(
                Map.of(),
                "verify",
                "provenance",
                bundle.toString(),
                "--key",
                pub(),
                "--subject",
                artifact.toString(),
                "--builder-id",
                BUILDER,
                "--source-tag",
                "v1.2.1");
        assertThat(otherTag.exitCode()).as(otherTag.output()).isEqualTo(ExitCodes.GATE_TRIPPED);
        assertThat(otherTag.output()).contains("rejected: the provenance's source ref is 'refs/tags/v1.2.0'");

        Files.writeString(artifact, "release 1.2.0, changed\n", StandardCharsets.UTF_8);
        Result changed = assay(
                Map.of(),
                "verify",
                "provenance",
                bundle.toString(),
                "--key",
                pub(),
                "--subject",
                artifact.toString(),
                "--builder-id",
                BUILDER);
        assertThat(changed.exitCode()).isEqualTo(ExitCodes.GATE_TRIPPED);
        assertThat(changed.output()).contains("is not a subject of the statement");
        Result changedBlob =
                assay(Map.of(), "verify", "blob", artifact.toString(), "--key", pub(), "--bundle", bundle.toString());
        assertThat(changedBlob.exitCode()).isEqualTo(ExitCodes.GATE_TRIPPED);

        Path bomb = Fixtures.path(getClass(), "attest/policy-alias-bomb.yaml");
        Result aliasBomb = assay(
                Map.of(),
                "verify",
                "provenance",
                bundle.toString(),
                "--key",
                pub(),
                "--subject",
                artifact.toString(),
                "--policy",
                bomb.toString());
        assertThat(aliasBomb.exitCode()).as(aliasBomb.output()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(aliasBomb.output()).contains("alias bomb").doesNotContain("\tat ");
    }

    @Test
    void provenanceInGitLabCi_verifiesWithAPolicyLevel() throws Exception {
        Map<String, String> gitlab = new HashMap<>();
        gitlab.put("GITLAB_CI", "true");
        gitlab.put("CI_PROJECT_URL", "https://gitlab.com/acme/app");
        gitlab.put("CI_COMMIT_SHA", "8bcd2df0dcd6ec07b34e5a48393a0c072065960a");
        gitlab.put("CI_COMMIT_BRANCH", "main");
        gitlab.put("CI_COMMIT_REF_NAME", "main");
        gitlab.put("CI_JOB_URL", "https://gitlab.com/acme/app/-/jobs/4089072540");
        gitlab.put("CI_JOB_NAME", "build-job");
        gitlab.put("CI_RUNNER_ID", "12270831");
        gitlab.put("CI_RUNNER_VERSION", "17.5.0");
        Path policy = Files.writeString(
                temp.resolve("policy.yaml"), "builders:\n  https://gitlab.com/acme/app/-/runners/12270831: 2\n");

        Result attest = assay(
                gitlab,
                "attest",
                "provenance",
                "--subject",
                artifact.toString(),
                "--key",
                key(),
                "--output",
                temp.resolve("p.json").toString());
        Result level2 = assay(
                Map.of(),
                "verify",
                "provenance",
                temp.resolve("p.json").toString(),
                "--key",
                pub(),
                "--subject",
                artifact.toString(),
                "--policy",
                policy.toString(),
                "--build-level",
                "2",
                "--source-uri",
                "https://gitlab.com/acme/app",
                "--source-branch",
                "main");
        Result level3 = assay(
                Map.of(),
                "verify",
                "provenance",
                temp.resolve("p.json").toString(),
                "--key",
                pub(),
                "--subject",
                artifact.toString(),
                "--policy",
                policy.toString(),
                "--build-level",
                "3");

        assertThat(attest.exitCode()).as(attest.output()).isZero();
        assertThat(level2.exitCode()).as(level2.output()).isZero();
        assertThat(level2.output()).contains("SLSA Build L2 by the policy");
        assertThat(level3.exitCode()).isEqualTo(ExitCodes.GATE_TRIPPED);
        assertThat(level3.output()).contains("L3 is required");
    }

    @Test
    void sbomVulnAndVex_roundTrip_andTheWrongTypeIsRejected() throws Exception {
        Map<String, String> kinds = Map.of(
                "sbom", "attest/bom.cdx.json",
                "vuln", "attest/scan-report.json",
                "vex", "attest/openvex.json");
        Map<String, String> types = Map.of("sbom", "cyclonedx", "vuln", "vuln", "vex", "openvex");
        for (Map.Entry<String, String> kind : kinds.entrySet()) {
            Path bundle = temp.resolve(kind.getKey() + ".sigstore.json");
            Result attest = assay(
                    Map.of(),
                    "attest",
                    kind.getKey(),
                    "--predicate",
                    Fixtures.path(getClass(), kind.getValue()).toString(),
                    "--subject",
                    artifact.toString(),
                    "--key",
                    key(),
                    "--bundle",
                    bundle.toString());
            assertThat(attest.exitCode()).as(attest.output()).isZero();
            assertThat(attest.output())
                    .as("the envelope is not printed when only --bundle is given")
                    .doesNotContain("payloadType");

            Result verified = assay(
                    Map.of(),
                    "verify",
                    "attestation",
                    bundle.toString(),
                    "--key",
                    pub(),
                    "--type",
                    types.get(kind.getKey()),
                    "--subject",
                    artifact.toString());
            Result wrongType = assay(
                    Map.of(),
                    "verify",
                    "attestation",
                    bundle.toString(),
                    "--key",
                    pub(),
                    "--type",
                    "slsaprovenance",
                    "--subject",
                    artifact.toString());

            assertThat(verified.exitCode()).as(kind + verified.output()).isZero();
            assertThat(wrongType.exitCode()).as(kind + wrongType.output()).isEqualTo(ExitCodes.GATE_TRIPPED);
        }
        Result sbomFromVex = assay(
                Map.of(),
                "attest",
                "sbom",
                "--predicate",
                Fixtures.path(getClass(), "attest/openvex.json").toString(),
                "--subject",
                artifact.toString(),
                "--key",
                key());
        assertThat(sbomFromVex.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
    }

    @Test
    void attest_withoutBundle_printsTheEnvelopeOnStdout() throws Exception {
        Result attest = assay(
                Map.of(),
                "attest",
                "vex",
                "--predicate",
                Fixtures.path(getClass(), "attest/openvex.json").toString(),
                "--subject",
                artifact.toString(),
                "--key",
                key(),
                "-q");

        assertThat(attest.exitCode()).as(attest.output()).isZero();
        JsonNode envelope = SafeJson.read(attest.output().getBytes(StandardCharsets.UTF_8), "stdout");
        assertThat(envelope.path("signatures").get(0).path("keyid").asText()).hasSize(64);
    }

    private String key() {
        return temp.resolve("cosign.key").toString();
    }

    private String pub() {
        return temp.resolve("cosign.pub").toString();
    }

    private record Result(int exitCode, String output) {}

    private Result assay(Map<String, String> environment, String... args) throws IOException, InterruptedException {
        Path jar = ProjectRoot.require().resolve("assay-cli/target/assay.jar");
        assertThat(jar).as("packaged CLI").isRegularFile();
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.add("-jar");
        command.add(jar.toString());
        command.addAll(List.of(args));
        ProcessBuilder builder =
                new ProcessBuilder(command).redirectErrorStream(true).directory(temp.toFile());
        // The tests may themselves run in a CI system: only the variables a test sets describe one.
        builder.environment()
                .keySet()
                .removeIf(name -> name.startsWith("GITHUB_")
                        || name.startsWith("CI_")
                        || name.startsWith("RUNNER_")
                        || name.equals("GITLAB_CI"));
        builder.environment().putAll(environment);
        builder.environment().put(Passwords.VARIABLE, PASSWORD);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Result(process.waitFor(), output);
    }
}
