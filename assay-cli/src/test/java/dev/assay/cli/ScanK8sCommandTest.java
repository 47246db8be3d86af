package dev.assay.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.assay.testkit.ProjectRoot;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code assay scan k8s} end to end in-process: formats, gates, standard input and the exit codes. */
class ScanK8sCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A Deployment that mounts the Docker socket (CRITICAL) and a compliant, limited ConfigMap. */
    private static final String SOCKET_DEPLOYMENT = """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: runner
              namespace: ci
            spec:
              selector:
                matchLabels: {app: runner}
              template:
                metadata:
                  labels: {app: runner}
                spec:
                  containers:
                  - name: runner
                    image: registry.example.com/runner:1
                  volumes:
                  - name: docker
                    hostPath: {path: /var/run/docker.sock}
            ---
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: settings
              namespace: ci
            data: {mode: fast}
            """;

    /** Only LOW and MEDIUM findings: a ServiceAccount and a namespace without NetworkPolicies. */
    private static final String MILD = """
            apiVersion: v1
            kind: ServiceAccount
            metadata:
              name: web
              namespace: shop
            """;

    @TempDir
    Path temp;

    private Path write(String name, String content) throws IOException {
        Path file = temp.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content, StandardCharsets.UTF_8);
        return file;
    }

    @Test
    void table_default_groupsFindingsPerObjectAndExitsZeroWithoutAGate() throws IOException {
        Path file = write("ci.yaml", SOCKET_DEPLOYMENT);

        CliRun run = CliRun.of("scan", "k8s", file.toString());

        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.OK);
        assertThat(run.out())
                .contains("Kubernetes manifest scan")
                .contains(file + ":1  Deployment ci/runner")
                .contains("CRITICAL  runtime-socket-hostpath  (cluster-hardening, enforce)")
                .contains("restrictedVolumes  (pod-security-restricted, warn)")
                .contains("2 objects in 1 file, 1 with findings");
    }

    @Test
    void policy_addsCelAndImagePolicyDocumentsToThePacks() throws IOException {
        Path file = write("ci.yaml", SOCKET_DEPLOYMENT);
        Path policies = write("policies.yaml", """
                apiVersion: assay.dev/v1
                kind: Policy
                metadata: {name: require-team-label}
                spec:
                  match:
                    resources: [{kinds: [Deployment]}]
                  validations:
                    - name: team-label
                      expression: "has(object.metadata.labels) && 'team' in object.metadata.labels"
                      message: workloads need a team label
                      severity: high
                ---
                apiVersion: assay.dev/v1
                kind: ImagePolicy
                metadata: {name: only-acme}
                spec:
                  images: ["**"]
                  allowedRegistries: [ghcr.io/acme]
                """);

        CliRun run = CliRun.of("scan", "k8s", file.toString(), "--policy", policies.toString(), "--fail-on", "high");
        CliRun broken = CliRun.of(
                "scan",
                "k8s",
                file.toString(),
                "--policy",
                write("bad.yaml", "kind: Nope\n").toString());

        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.GATE_TRIPPED);
        assertThat(run.out())
                .contains("team-label  (require-team-label, enforce)", "workloads need a team label")
                .contains("(only-acme, enforce)");
        assertThat(broken.exitCode()).as(broken.err()).isEqualTo(ExitCodes.INVALID_INPUT);
    }

    @Test
    void failOn_tripsAtOrAboveTheThresholdOnly() throws IOException {
        Path critical = write("ci.yaml", SOCKET_DEPLOYMENT);
        Path mild = write("shop.yaml", MILD);

        CliRun high = CliRun.of("scan", "k8s", critical.toString(), "--fail-on", "high");
        CliRun mildHigh = CliRun.of("scan", "k8s", mild.toString(), "--fail-on", "high");
        CliRun mildLow = CliRun.of("scan", "k8s", mild.toString(), "--fail-on", "low", "-q");

        assertThat(high.exitCode()).as(high.err()).isEqualTo(ExitCodes.GATE_TRIPPED);
        assertThat(high.err()).contains("at or above --fail-on high", "runtime-socket-hostpath", "ci/runner");
        assertThat(mildHigh.exitCode()).as(mildHigh.err()).isEqualTo(ExitCodes.OK);
        assertThat(mildLow.exitCode()).as(mildLow.err()).isEqualTo(ExitCodes.GATE_TRIPPED);
    }

    @Test
    void json_perDocumentResultsWithTheContractFields() throws IOException {
        Path file = write("ci.yaml", SOCKET_DEPLOYMENT);

        CliRun run = CliRun.of("scan", "k8s", file.toString(), "--format", "json", "--pss-level", "baseline");

        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.OK);
        JsonNode report = JSON.readTree(run.out());
        assertThat(report.path("policies").toString()).contains("pod-security-baseline", "cluster-hardening");
        JsonNode results = report.path("results");
        assertThat(results).hasSize(2);
        JsonNode deployment = results.get(0);
        assertThat(deployment.path("file").asText()).isEqualTo(file.toString());
        assertThat(deployment.path("document").asInt()).isEqualTo(1);
        assertThat(deployment.path("line").asInt()).isEqualTo(1);
        assertThat(deployment.path("kind").asText()).isEqualTo("Deployment");
        assertThat(deployment.path("namespace").asText()).isEqualTo("ci");
        assertThat(deployment.path("name").asText()).isEqualTo("runner");
        JsonNode first = deployment.path("violations").get(0);
        assertThat(first.path("policy").asText()).isEqualTo("cluster-hardening");
        assertThat(first.path("rule").asText()).isEqualTo("runtime-socket-hostpath");
        assertThat(first.path("severity").asText()).isEqualTo("CRITICAL");
        assertThat(first.path("enforcement").asText()).isEqualTo("enforce");
        assertThat(first.path("message").asText()).contains("/var/run/docker.sock");
        JsonNode configMap = results.get(1);
        assertThat(configMap.path("document").asInt()).isEqualTo(2);
        assertThat(configMap.path("line").asInt()).isEqualTo(20);
        // The namespace's missing NetworkPolicy is reported once, on its first object (the Deployment).
        assertThat(configMap.path("violations")).isEmpty();
        assertThat(deployment.path("violations").toString()).contains("namespace-default-deny-ingress");
    }

    @Test
    void sarif_toOutputFile_hasRulesResultsAndLineNumbers() throws IOException {
        Path file = write("deploy/ci.yaml", SOCKET_DEPLOYMENT);
        Path sarif = temp.resolve("k8s.sarif");

        CliRun run = CliRun.of("scan", "k8s", temp.resolve("deploy").toString(), "-f", "sarif", "-o", sarif.toString());

        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.OK);
        assertThat(run.out()).isEmpty();
        JsonNode root = JSON.readTree(sarif.toFile());
        assertThat(root.path("version").asText()).isEqualTo("2.1.0");
        assertThat(root.path("$schema").asText()).contains("sarif-schema-2.1.0.json");
        JsonNode sarifRun = root.path("runs").get(0);
        List<String> ruleIds = new ArrayList<>();
        sarifRun.path("tool")
                .path("driver")
                .path("rules")
                .forEach(rule -> ruleIds.add(rule.path("id").asText()));
        assertThat(ruleIds)
                .contains("cluster-hardening/runtime-socket-hostpath", "pod-security-restricted/restrictedVolumes");
        JsonNode socket = null;
        for (JsonNode result : sarifRun.path("results")) {
            assertThat(ruleIds.get(result.path("ruleIndex").asInt()))
                    .isEqualTo(result.path("ruleId").asText());
            if (result.path("ruleId").asText().equals("cluster-hardening/runtime-socket-hostpath")) {
                socket = result;
            }
        }
        assertThat(socket).isNotNull();
        JsonNode location = socket.path("locations").get(0).path("physicalLocation");
        assertThat(location.path("artifactLocation").path("uri").asText()).endsWith("deploy/ci.yaml");
        assertThat(location.path("region").path("startLine").asInt()).isEqualTo(1);
        assertThat(socket.path("level").asText()).isEqualTo("error");
        assertThat(file).exists();
    }

    @Test
    void sarif_ofARealScanWithErrors_validatesAgainstTheOfficialSchema() throws IOException {
        // The OASIS schema the report tests use (assay-report/src/test/resources/sarif, see SOURCES.md there).
        Path schemaFile =
                ProjectRoot.require().resolve("assay-report/src/test/resources/sarif/sarif-schema-2.1.0.json");
        Schema schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_4)
                .getSchema(Files.readString(schemaFile, StandardCharsets.UTF_8));
        Path broken = write("more/broken.yaml", "kind: [broken\n---\nreplicaCount: 3\n");

        CliRun run = CliRun.of(
                "scan",
                "k8s",
                ProjectRoot.require().resolve("samples/k8s").toString(),
                broken.toString(),
                "-f",
                "sarif");

        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.OK);
        JsonNode sarif = JSON.readTree(run.out());
        assertThat(schema.validate(sarif)).isEmpty();
        assertThat(sarif.path("runs").get(0).path("results").size()).isGreaterThan(20);
        assertThat(sarif.path("runs").get(0).path("invocations").get(0).path("toolExecutionNotifications"))
                .hasSize(2);
    }

    @Test
    void standardInput_helmRenderedOutput() throws IOException {
        byte[] rendered = Files.readAllBytes(
                ProjectRoot.require().resolve("assay-engine/src/test/resources/k8s/helm-rendered.yaml"));

        CliRun run = CliRun.withStdin(rendered, "scan", "k8s", "-", "--format", "json");

        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.OK);
        JsonNode results = JSON.readTree(run.out()).path("results");
        assertThat(results).hasSize(5);
        assertThat(results.get(3).path("file").asText()).isEqualTo("-");
        assertThat(results.get(3).path("source").asText()).isEqualTo("shop/templates/deployment.yaml");
        assertThat(results.get(3).path("line").asInt()).isEqualTo(51);
    }

    @Test
    void malformedDocuments_areReportedAndTheRestIsScanned() throws IOException {
        Path file = write("mixed.yaml", MILD + "---\nkind: [broken\n---\n" + SOCKET_DEPLOYMENT);

        CliRun run = CliRun.of("scan", "k8s", file.toString(), "--fail-on", "critical");

        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.GATE_TRIPPED);
        assertThat(run.out())
                .contains("Errors (1)", file + " document 2 (line 7): not valid YAML: expected ',' or ']'");
        assertThat(run.err()).contains("could not read " + file + " document 2");
    }

    @Test
    void nothingUsable_exitsTwo() throws IOException {
        Path broken = write("broken.yaml", "kind: [broken\n");
        Path empty = Files.createDirectories(temp.resolve("empty"));
        Path values = write("chart/values.yaml", "replicaCount: 2\n");

        for (String[] args : new String[][] {
            {"scan", "k8s", broken.toString()},
            {"scan", "k8s", empty.toString()},
            {"scan", "k8s", values.toString()},
            {"scan", "k8s", temp.resolve("missing.yaml").toString()},
        }) {
            CliRun run = CliRun.of(args);

            assertThat(run.exitCode())
                    .as(String.join(" ", args) + "\n" + run.err())
                    .isEqualTo(ExitCodes.INVALID_INPUT);
            assertThat(run.err()).contains("assay: ").doesNotContain("\tat ");
        }
    }

    @Test
    void badFlags_exitTwoWithOneLine() throws IOException {
        Path file = write("ci.yaml", SOCKET_DEPLOYMENT);

        for (String[] args : new String[][] {
            {"scan", "k8s", file.toString(), "--pss-level", "privileged"},
            {"scan", "k8s", file.toString(), "--pss-version", "1.29"},
            {"scan", "k8s", file.toString(), "--fail-on", "severe"},
            {"scan", "k8s", file.toString(), "--format", "cyclonedx-vdr"},
            {"scan", "k8s", file.toString(), "--skip-rule", "no-such-rule"},
            {"scan", "k8s", "-", "-"},
            {"scan", "k8s"},
        }) {
            CliRun run = CliRun.of(args);

            assertThat(run.exitCode())
                    .as(String.join(" ", args) + "\n" + run.err())
                    .isEqualTo(ExitCodes.INVALID_INPUT);
            assertThat(run.err()).startsWith("assay: ").doesNotContain("\tat ");
        }
    }

    @Test
    void skipRule_leavesTheRuleOut() throws IOException {
        Path file = write("ci.yaml", SOCKET_DEPLOYMENT);

        CliRun run = CliRun.of(
                "scan",
                "k8s",
                file.toString(),
                "--skip-rule",
                "runtime-socket-hostpath",
                "--skip-rule",
                "pod-security-restricted/restrictedVolumes",
                "--fail-on",
                "critical");

        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.OK);
        assertThat(run.out()).doesNotContain("runtime-socket-hostpath", "restrictedVolumes");
    }

    @Test
    void samples_reportWhatTheirReadmePromises() throws IOException {
        Path samples = ProjectRoot.require().resolve("samples/k8s");

        CliRun all = CliRun.of("scan", "k8s", samples.toString(), "--format", "json");
        CliRun critical = CliRun.of("scan", "k8s", samples.toString(), "--fail-on", "critical", "-q");
        CliRun base = CliRun.of("scan", "k8s", samples.resolve("base").toString(), "--fail-on", "high", "-q");
        CliRun baseCritical = CliRun.of("scan", "k8s", samples.resolve("base").toString(), "--fail-on", "critical");

        assertThat(all.exitCode()).as(all.err()).isEqualTo(ExitCodes.OK);
        List<String> found = new ArrayList<>();
        List<String> policies = new ArrayList<>();
        for (JsonNode result : JSON.readTree(all.out()).path("results")) {
            String file =
                    samples.relativize(Path.of(result.path("file").asText())).toString();
            result.path("violations").forEach(violation -> {
                found.add(file + " " + violation.path("rule").asText());
                policies.add(file + " " + violation.path("policy").asText());
            });
        }
        assertThat(found)
                .contains(
                        "base/namespace.yaml namespace-default-deny-egress",
                        "base/web.yaml secret-env-literal",
                        "base/web.yaml service-account-token-automount",
                        "base/db-secret.yaml secret-in-manifest",
                        "ci/runner.yaml runtime-socket-hostpath",
                        "ci/runner.yaml rbac-cluster-admin-service-account",
                        "ci/runner.yaml privileged",
                        "ci/rbac.json rbac-wildcard-verbs",
                        "ci/rbac.json rbac-wildcard-resources",
                        "ci/rbac.json rbac-wildcard-role-service-account",
                        "ci/rbac.json rbac-secrets-read-namespace")
                .doesNotContain("base/namespace.yaml namespace-default-deny-ingress");
        // The shop's Deployment meets Pod Security restricted.
        assertThat(policies).noneMatch(entry -> entry.startsWith("base/") && entry.contains("pod-security"));
        assertThat(critical.exitCode()).isEqualTo(ExitCodes.GATE_TRIPPED);
        assertThat(base.exitCode()).isEqualTo(ExitCodes.GATE_TRIPPED);
        assertThat(baseCritical.exitCode()).as(baseCritical.err()).isEqualTo(ExitCodes.OK);
    }

    @Test
    void help_listsTheCommandUnderScan() {
        CliRun scanHelp = CliRun.of("scan", "--help");
        CliRun help = CliRun.of("scan", "k8s", "--help");

        assertThat(scanHelp.out()).contains("k8s");
        assertThat(help.exitCode()).isZero();
        assertThat(help.out()).contains("--pss-level", "--fail-on", "--skip-rule", "helm template");
    }
}
