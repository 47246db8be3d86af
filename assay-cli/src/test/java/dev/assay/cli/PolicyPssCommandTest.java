package dev.assay.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PolicyPssCommandTest {
    private static final String PRIVILEGED_POD = """
            apiVersion: v1
            kind: Pod
            metadata:
              name: p
            spec:
              containers:
              - name: app
                image: pause
                securityContext:
                  privileged: true
            """;

    private static final String PLAIN_DEPLOYMENT = """
            apiVersion: apps/v1
            kind: Deployment
            spec:
              template:
                spec:
                  containers:
                  - name: app
                    image: pause
            """;

    @TempDir
    Path temp;

    private Path write(String name, String content) throws IOException {
        Path file = temp.resolve(name);
        Files.writeString(file, content);
        return file;
    }

    @Test
    void pss_deniedFile_exitsOneWithJsonContract() throws IOException {
        Path denied = write("pod.yaml", PRIVILEGED_POD);
        Path allowed = write("deploy.yaml", PLAIN_DEPLOYMENT);

        CliRun run = CliRun.of(
                "policy", "pss", "--level", "baseline", denied.toString(), allowed.toString(), "--format", "json");

        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.GATE_TRIPPED);
        JsonNode root = new ObjectMapper().readTree(run.out());
        assertThat(root.properties()).extracting(java.util.Map.Entry::getKey).containsExactly("results");
        JsonNode first = root.get("results").get(0);
        assertThat(first.get("file").asText()).isEqualTo(denied.toString());
        assertThat(first.get("allowed").asBoolean()).isFalse();
        assertThat(first.get("violations").get(0).get("check").asText()).isEqualTo("privileged");
        assertThat(first.get("violations").get(0).get("message").asText()).contains("app");
        JsonNode second = root.get("results").get(1);
        assertThat(second.get("allowed").asBoolean()).isTrue();
        assertThat(second.get("violations")).isEmpty();
    }

    @Test
    void pss_allAllowed_exitsZero() throws IOException {
        Path allowed = write("deploy.yaml", PLAIN_DEPLOYMENT);

        CliRun run = CliRun.of("policy", "pss", "--level", "baseline", "--version", "v1.30", allowed.toString());

        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.OK);
        assertThat(run.out()).contains("allowed");
    }

    @Test
    void pss_restrictedOnPlainDeployment_exitsOne() throws IOException {
        Path file = write("deploy.yaml", PLAIN_DEPLOYMENT);

        CliRun run = CliRun.of("policy", "pss", "--level", "restricted", file.toString());

        assertThat(run.exitCode()).isEqualTo(ExitCodes.GATE_TRIPPED);
        assertThat(run.out()).contains("denied", "runAsNonRoot");
    }

    @Test
    void pss_badInput_exitsTwoWithoutStackTrace() throws IOException {
        Path malformed = write("bad.yaml", "kind: Pod\nspec: [unclosed\n");
        Path configMap = write("cm.yaml", "kind: ConfigMap\ndata: {}\n");

        for (String[] args : new String[][] {
            {"policy", "pss", "--level", "baseline", malformed.toString()},
            {"policy", "pss", "--level", "baseline", configMap.toString()},
            {
                "policy",
                "pss",
                "--level",
                "baseline",
                temp.resolve("missing.yaml").toString()
            },
            {"policy", "pss", "--level", "privileged", configMap.toString()},
            {"policy", "pss", "--level", "baseline", "--version", "2", configMap.toString()}
        }) {
            CliRun run = CliRun.of(args);

            assertThat(run.exitCode()).as(String.join(" ", args)).isEqualTo(ExitCodes.INVALID_INPUT);
            assertThat(run.err()).startsWith("assay: ").doesNotContain("\tat ");
        }
    }

    private static final String BUNDLE = """
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: web, namespace: shop}
            spec:
              template:
                spec:
                  containers:
                  - name: app
                    image: nginx
                    securityContext: {privileged: true}
            ---
            apiVersion: v1
            kind: ConfigMap
            metadata: {name: settings}
            data: {k: v}
            ---
            apiVersion: v1
            kind: Pod
            metadata: {name: fine}
            spec:
              containers: [{name: app, image: nginx}]
            ---
            apiVersion: v1
            kind: Pod
            metadata: {name: broken}
            """;

    @Test
    void pss_multiDocumentFile_oneResultPerDocument() throws IOException {
        Path bundle = write("bundle.yaml", BUNDLE);

        CliRun run = CliRun.of("policy", "pss", "--level", "baseline", bundle.toString(), "--format", "json");

        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.GATE_TRIPPED);
        assertThat(run.err()).contains("1 document could not be checked");
        JsonNode results = new ObjectMapper().readTree(run.out()).get("results");
        assertThat(results).hasSize(4);
        for (JsonNode result : results) {
            assertThat(result.get("file").asText()).isEqualTo(bundle.toString());
            assertThat(result.has("allowed")).isTrue();
            assertThat(result.get("violations").isArray()).isTrue();
        }
        assertThat(results).extracting(r -> r.get("document").asInt()).containsExactly(0, 1, 2, 3);
        assertThat(results)
                .extracting(r -> r.get("kind").asText())
                .containsExactly("Deployment", "ConfigMap", "Pod", "Pod");
        assertThat(results)
                .extracting(r -> r.get("name").asText())
                .containsExactly("web", "settings", "fine", "broken");
        assertThat(results).extracting(r -> r.get("allowed").asBoolean()).containsExactly(false, true, true, false);

        JsonNode denied = results.get(0);
        assertThat(denied.get("namespace").asText()).isEqualTo("shop");
        JsonNode violation = denied.get("violations").get(0);
        assertThat(violation.get("check").asText()).isEqualTo("privileged");
        assertThat(violation.get("message").asText())
                .isEqualTo("privileged (container \"app\" must not set securityContext.privileged=true)");
        assertThat(violation.get("reason").asText()).isEqualTo("privileged");
        assertThat(violation.get("detail").asText())
                .isEqualTo("container \"app\" must not set securityContext.privileged=true");
        assertThat(results.get(1).get("skipped").asText())
                .isEqualTo("ConfigMap is not a Pod or a workload with a pod template");
        assertThat(results.get(2).has("error")).isFalse();
        assertThat(results.get(3).get("error").asText()).isEqualTo("spec is missing or not a map");
    }

    @Test
    void pss_multiDocumentFile_textNamesEachDocument() throws IOException {
        Path bundle = write("bundle.yaml", BUNDLE);

        CliRun run = CliRun.of("policy", "pss", "--level", "baseline", "--version", "v1.30", bundle.toString());

        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.GATE_TRIPPED);
        assertThat(run.out().lines().toList())
                .containsExactly(
                        bundle + "[0] Deployment/web: denied (baseline:v1.30)",
                        "  privileged: privileged (container \"app\" must not set securityContext.privileged=true)",
                        bundle
                                + "[1] ConfigMap/settings: skipped: ConfigMap is not a Pod or a workload with a pod template",
                        bundle + "[2] Pod/fine: allowed (baseline:v1.30)",
                        bundle + "[3] Pod/broken: error: spec is missing or not a map");
    }

    @Test
    void pss_restricted_wordsTheDenialAsPodSecurityAdmission() throws IOException {
        Path pod = write(
                "pod.yaml",
                "apiVersion: v1\nkind: Pod\nmetadata: {name: x}\nspec:\n  containers: [{name: x, image: nginx}]\n");

        CliRun run = CliRun.of("policy", "pss", "--level", "restricted", pod.toString());

        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.GATE_TRIPPED);
        assertThat(run.out().lines().toList())
                .containsExactly(
                        pod + "[0] Pod/x: denied (restricted:latest)",
                        "  allowPrivilegeEscalation: allowPrivilegeEscalation != false (container \"x\" must set"
                                + " securityContext.allowPrivilegeEscalation=false)",
                        "  capabilities_restricted: unrestricted capabilities (container \"x\" must set"
                                + " securityContext.capabilities.drop=[\"ALL\"])",
                        "  runAsNonRoot: runAsNonRoot != true (pod or container \"x\" must set"
                                + " securityContext.runAsNonRoot=true)",
                        "  seccompProfile_restricted: seccompProfile (pod or container \"x\" must set"
                                + " securityContext.seccompProfile.type to \"RuntimeDefault\" or \"Localhost\")");
    }

    @Test
    void pss_unreadableFileBesideGoodOne_reportedInPlace_exitsOne() throws IOException {
        Path good = write("deploy.yaml", PLAIN_DEPLOYMENT);
        Path malformed = write("bad.yaml", "kind: Pod\nspec: [unclosed\n");
        Path missing = temp.resolve("missing.yaml");

        CliRun run = CliRun.of(
                "policy",
                "pss",
                "--level",
                "baseline",
                "--format",
                "json",
                malformed.toString(),
                good.toString(),
                missing.toString());

        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.GATE_TRIPPED);
        assertThat(run.err()).contains("2 documents could not be checked").doesNotContain("\tat ");
        JsonNode results = new ObjectMapper().readTree(run.out()).get("results");
        assertThat(results).hasSize(3);
        assertThat(results.get(0).get("file").asText()).isEqualTo(malformed.toString());
        assertThat(results.get(0).has("document")).isFalse();
        assertThat(results.get(0).get("allowed").asBoolean()).isFalse();
        assertThat(results.get(0).get("error").asText()).startsWith(malformed + " is not valid YAML");
        assertThat(results.get(1).get("allowed").asBoolean()).isTrue();
        assertThat(results.get(2).get("error").asText()).isEqualTo("no such file: " + missing);
    }

    @Test
    void pss_skippedObjectsBesideAllowedPods_exitZero() throws IOException {
        Path file = write("app.yaml", "kind: Service\nmetadata: {name: s}\n---\n" + PLAIN_DEPLOYMENT);

        CliRun run = CliRun.of("policy", "pss", "--level", "baseline", file.toString());

        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.OK);
        assertThat(run.out()).contains("[0] Service/s: skipped", "[1] Deployment: allowed");
        assertThat(run.err()).isEmpty();
    }

    @Test
    void pss_nothingCheckable_exitsTwoNamingTheFirstProblem() throws IOException {
        Path file = write("misc.yaml", "kind: Service\nmetadata: {name: s}\n---\nkind: Secret\n");

        CliRun run = CliRun.of("policy", "pss", "--level", "baseline", file.toString());

        assertThat(run.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(run.err())
                .startsWith("assay: no Pod or workload to check: " + file
                        + "[0]: Service is not a Pod or a workload with a pod template (and 1 more)");
        assertThat(run.out()).isEmpty();
    }
}
