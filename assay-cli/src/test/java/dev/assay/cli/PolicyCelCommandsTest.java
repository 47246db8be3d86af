package dev.assay.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.assay.testkit.ProjectRoot;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code assay policy eval}, {@code test} and {@code lint} through the real command line. */
class PolicyCelCommandsTest {
    private static final String NO_LATEST = """
            apiVersion: assay.dev/v1
            kind: Policy
            metadata:
              name: no-latest
            spec:
              match:
                resources: [{kinds: [Pod]}]
              validations:
              - name: no-latest-tag
                expression: "object.spec.containers.all(c, !c.image.endsWith(':latest'))"
                message: images must not use the latest tag
                severity: high
            """;

    private static final String LIMITS_WARN = """
            apiVersion: assay.dev/v1
            kind: Policy
            metadata:
              name: limits
            spec:
              mode: warn
              validations:
              - name: limits-set
                expression: "object.spec.containers.all(c, has(c.resources))"
            """;

    private static final String PODS = """
            apiVersion: v1
            kind: Pod
            metadata: {name: good}
            spec:
              containers: [{name: a, image: 'nginx:1.27', resources: {}}]
            ---
            apiVersion: v1
            kind: Pod
            metadata: {name: bad}
            spec:
              containers: [{name: a, image: 'nginx:latest'}]
            """;

    @TempDir
    Path temp;

    private Path write(String name, String content) throws IOException {
        Path file = temp.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
        return file;
    }

    @Test
    void eval_enforcedFailure_exitsOneWithTable() throws IOException {
        Path policy = write("policies/no-latest.yaml", NO_LATEST);
        Path pods = write("pods.yaml", PODS);

        CliRun run =
                CliRun.of("policy", "eval", "--policy", policy.getParent().toString(), "--resource", pods.toString());

        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.GATE_TRIPPED);
        assertThat(run.out())
                .contains("RESOURCE", "POLICY", "RULE", "RESULT", "MESSAGE")
                .contains(pods + "#0 Pod good")
                .contains(pods + "#1 Pod bad")
                .contains("images must not use the latest tag")
                .contains("pass: 1, fail: 1, error: 0, skip: 0");
        assertThat(run.err()).contains("2 documents, 1 policies: 1 denied");
    }

    @Test
    void eval_warnModeFailure_exitsZeroAndShowsWarning() throws IOException {
        Path policy = write("limits.yaml", LIMITS_WARN);
        Path pods = write("pods.yaml", PODS);

        CliRun run = CliRun.of("policy", "eval", "-p", policy.toString(), "-r", pods.toString());

        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.OK);
        assertThat(run.out())
                .contains("fail (warn)", "failed expression: object.spec.containers.all(c, has(c.resources))");
        assertThat(run.err()).contains("0 denied, 1 admitted with warnings");
    }

    @Test
    void eval_json_givesOneResultPerDocumentWithFileAndIndex() throws IOException {
        Path policy = write("no-latest.yaml", NO_LATEST);
        Path limits = write("limits.yaml", LIMITS_WARN);
        Path pods = write("pods.yaml", PODS);

        CliRun run = CliRun.of(
                "policy",
                "eval",
                "-p",
                policy.toString(),
                "-p",
                limits.toString(),
                "-r",
                pods.toString(),
                "-n",
                "shop",
                "--format",
                "json");

        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.GATE_TRIPPED);
        JsonNode root = new ObjectMapper().readTree(run.out());
        assertThat(root.get("allowed").asBoolean()).isFalse();
        JsonNode bad = root.get("results").get(1);
        assertThat(bad.get("file").asText()).isEqualTo(pods.toString());
        assertThat(bad.get("document").asInt()).isEqualTo(1);
        assertThat(bad.get("line").asInt()).isEqualTo(7);
        assertThat(bad.get("name").asText()).isEqualTo("bad");
        assertThat(bad.get("namespace").asText()).isEqualTo("shop");
        assertThat(bad.get("decision").asText()).isEqualTo("deny");
        JsonNode rule = bad.get("policies").get(0).get("rules").get(0);
        assertThat(rule.get("rule").asText()).isEqualTo("no-latest-tag");
        assertThat(rule.get("result").asText()).isEqualTo("fail");
        assertThat(rule.get("mode").asText()).isEqualTo("enforce");
        assertThat(rule.get("severity").asText()).isEqualTo("high");
        assertThat(bad.get("policies").get(1).get("decision").asText()).isEqualTo("warn");
        assertThat(root.get("results").get(0).get("decision").asText()).isEqualTo("allow");
    }

    @Test
    void eval_badInput_exitsTwoWithLocatedMessage() throws IOException {
        Path broken = write("broken.yaml", NO_LATEST.replace("severity: high", "severity: urgent"));
        Path policy = write("ok.yaml", NO_LATEST);
        Path pods = write("pods.yaml", PODS);
        Path malformed = write("malformed.yaml", "kind: Pod\nspec: [unclosed\n");

        CliRun badPolicy = CliRun.of("policy", "eval", "-p", broken.toString(), "-r", pods.toString());
        CliRun badResource = CliRun.of("policy", "eval", "-p", policy.toString(), "-r", malformed.toString());
        CliRun missing = CliRun.of(
                "policy",
                "eval",
                "-p",
                policy.toString(),
                "-r",
                temp.resolve("nope").toString());
        CliRun badFormat = CliRun.of("policy", "eval", "-p", policy.toString(), "-r", pods.toString(), "-f", "xml");

        assertThat(badPolicy.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(badPolicy.err())
                .startsWith("assay: " + broken + ":12:15: spec.validations[0].severity: unknown severity 'urgent'")
                .doesNotContain("\tat ");
        assertThat(badResource.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(badResource.err()).startsWith("assay: ").contains("malformed.yaml");
        assertThat(missing.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(missing.err()).contains("no such file or directory");
        assertThat(badFormat.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
    }

    @Test
    void eval_hostileResources_exitTwoWithOneLine() throws IOException {
        Path policy = write("ok.yaml", NO_LATEST);
        StringBuilder bomb = new StringBuilder("a: &a [x, x, x, x, x, x, x, x, x, x]\n");
        for (char name = 'b'; name <= 'j'; name++) {
            bomb.append(name)
                    .append(": &")
                    .append(name)
                    .append(" [")
                    .append(String.join(", ", java.util.Collections.nCopies(10, "*" + (char) (name - 1))))
                    .append("]\n");
        }
        Path aliasBomb = write("bomb.yaml", bomb.toString());
        Path latin1 = temp.resolve("latin1.yaml");
        Files.write(latin1, new byte[] {'k', 'i', 'n', 'd', ':', ' ', (byte) 0xE9, '\n'});
        Path deep = write("deep.json", "{\"a\": " + "[".repeat(2_000) + "]".repeat(2_000) + "}");

        for (Path hostile : java.util.List.of(aliasBomb, latin1, deep)) {
            CliRun run = CliRun.of("policy", "eval", "-p", policy.toString(), "-r", hostile.toString());

            assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.INVALID_INPUT);
            assertThat(run.err())
                    .startsWith("assay: ")
                    .contains(hostile.toString())
                    .doesNotContain("\tat ");
            assertThat(run.err().strip().lines()).hasSize(1);
        }
    }

    @Test
    void test_samplePolicies_pass() {
        Path samples = ProjectRoot.require().resolve("samples/policies");

        CliRun run = CliRun.of("policy", "test", samples.toString());

        assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(ExitCodes.OK);
        assertThat(run.out())
                .startsWith("sample-policies:")
                .contains(
                        "PASS  require-run-as-non-root/containers-run-as-non-root  resources/pods.yaml#1 Pod shop/root-app"
                                + "  want fail, got fail")
                .containsPattern("\\d+ passed, 0 failed \\(1 test file\\)");
    }

    @Test
    void test_failedExpectation_exitsOneAndMalformedExitsTwo() throws IOException {
        write("suite/p.yaml", NO_LATEST);
        write("suite/pods.yaml", PODS);
        write("suite/assay-test.yaml", """
                apiVersion: assay.dev/v1
                kind: Test
                policies: [p.yaml]
                resources: [pods.yaml]
                results:
                - {policy: no-latest, resource: good, result: pass}
                - {policy: no-latest, resource: bad, result: pass}
                """);
        write("malformed/assay-test.yaml", "apiVersion: assay.dev/v1\nkind: Test\npolicies: [p.yaml]\n");

        CliRun failing = CliRun.of("policy", "test", temp.resolve("suite").toString());
        CliRun json = CliRun.of("policy", "test", temp.resolve("suite").toString(), "--format", "json");
        CliRun malformed = CliRun.of("policy", "test", temp.resolve("malformed").toString());
        CliRun empty = CliRun.of(
                "policy", "test", write("empty/readme.md", "x").getParent().toString());

        assertThat(failing.exitCode()).isEqualTo(ExitCodes.GATE_TRIPPED);
        assertThat(failing.out())
                .contains("FAIL  no-latest/no-latest-tag  pods.yaml#1 Pod bad  want pass, got fail"
                        + " (images must not use the latest tag)")
                .contains("1 passed, 1 failed (1 test file)");
        assertThat(new ObjectMapper().readTree(json.out()).get("failed").asInt())
                .isEqualTo(1);
        assertThat(malformed.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(malformed.err()).contains("assay-test.yaml:1:1: missing required field 'resources'");
        assertThat(empty.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(empty.err()).contains("no assay-test.yaml or assay-test.yml under");
    }

    @Test
    void lint_compileError_showsFileLineColumnAndCaret() throws IOException {
        Path bad = write("bad.yaml", NO_LATEST.replace("!c.image.endsWith(':latest')", "!c.image.endWith(':latest')"));

        CliRun run = CliRun.of("policy", "lint", bad.toString());

        assertThat(run.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(run.out())
                .contains(bad + ":10:64: spec.validations[0].expression: undeclared reference to 'endWith'")
                .contains("(expression column 47)")
                .contains("\n    " + " ".repeat(63) + "^\n")
                .contains("1 file, 0 policies, 1 problem");
    }

    @Test
    void lint_cleanPolicies_exitZero() {
        Path policies = ProjectRoot.require().resolve("samples/policies/policies");

        CliRun run = CliRun.of("policy", "lint", policies.toString(), "--format", "json");

        assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(ExitCodes.OK);
        assertThat(run.out()).contains("\"require-run-as-non-root\"", "\"problems\" : [ ]");
    }
}
