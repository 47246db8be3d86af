package dev.assay.policy.suite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.assay.model.InvalidInputException;
import dev.assay.policy.cel.CelEnvironment;
import dev.assay.policy.cel.InvalidPolicyException;
import dev.assay.policy.cel.RuleResult.Outcome;
import dev.assay.policy.document.PolicyFiles;
import dev.assay.policy.document.TestDocuments;
import dev.assay.testkit.ProjectRoot;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PolicyTestRunnerTest {
    @TempDir
    Path temp;

    private static List<TestCase> run(Path testFile) {
        var definition =
                TestDocuments.parse(PolicyFiles.read(testFile, PolicyFiles.MAX_POLICY_BYTES, "a test"), testFile);
        return new PolicyTestRunner(CelEnvironment.defaults()).run(definition);
    }

    private Path write(String name, String content) throws IOException {
        Path file = temp.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content, StandardCharsets.UTF_8);
        return file;
    }

    @Test
    void samplePolicies_suitePasses() {
        Path suite = ProjectRoot.require().resolve("samples/policies/assay-test.yaml");

        List<TestCase> cases = run(suite);

        assertThat(cases).hasSizeGreaterThan(30);
        assertThat(cases).filteredOn(testCase -> !testCase.passed()).isEmpty();
        assertThat(cases).extracting(TestCase::actual).contains(Outcome.PASS, Outcome.FAIL, Outcome.SKIP);
        assertThat(cases)
                .filteredOn(testCase -> testCase.rule().equals("no-log4shell") && testCase.actual() == Outcome.FAIL)
                .singleElement()
                .satisfies(testCase -> assertThat(testCase.message())
                        .isEqualTo("forbidden component: log4j-core@2.14.1 (Log4Shell, CVE-2021-44228)"));
    }

    @Test
    void run_wrongExpectation_isAFailedCaseNotAnError() throws IOException {
        write("p.yaml", """
                apiVersion: assay.dev/v1
                kind: Policy
                metadata: {name: p}
                spec:
                  validations: [{name: v, expression: "object.metadata.name == 'good'"}]
                """);
        write("r.yaml", "metadata: {name: good}\n---\nmetadata: {name: bad}\n");
        Path test = write("assay-test.yaml", """
                apiVersion: assay.dev/v1
                kind: Test
                policies: [p.yaml]
                resources: [r.yaml]
                results:
                - {policy: p, rule: v, resource: good, result: pass}
                - {policy: p, resource: bad, result: pass}
                - {policy: p, resource: "r.yaml#1", result: fail}
                """);

        List<TestCase> cases = run(test);

        assertThat(cases).extracting(TestCase::passed).containsExactly(true, false, true);
        assertThat(cases.get(1).resource()).isEqualTo("r.yaml#1 object bad");
        assertThat(cases.get(1).actual()).isEqualTo(Outcome.FAIL);
    }

    @Test
    void run_unknownPolicyRuleOrResource_isMalformed() throws IOException {
        write("p.yaml", """
                apiVersion: assay.dev/v1
                kind: Policy
                metadata: {name: p}
                spec:
                  validations: [{name: v, expression: "true"}]
                """);
        write("r.yaml", "metadata: {name: good}\n");
        String header = "apiVersion: assay.dev/v1\nkind: Test\npolicies: [p.yaml]\nresources: [r.yaml]\nresults:\n";

        assertThatThrownBy(() -> run(write(
                        "t1/assay-test.yaml",
                        header.replace("[p.yaml]", "[../p.yaml]").replace("[r.yaml]", "[../r.yaml]")
                                + "- {policy: q, resource: good, result: pass}\n")))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("assay-test.yaml:6: policy 'q' is not among the test's policies [p]");
        assertThatThrownBy(
                        () -> run(write("t2.yaml", header + "- {policy: p, rule: w, resource: good, result: pass}\n")))
                .hasMessageContaining("policy 'p' has no rule 'w' (it has [v])");
        assertThatThrownBy(() -> run(write("t3.yaml", header + "- {policy: p, resource: nope, result: pass}\n")))
                .hasMessageContaining("no resource 'nope' among the test's resources");
    }

    @Test
    void parse_malformedTestFile_namesLineAndField() throws IOException {
        Path test = write("assay-test.yaml", """
                apiVersion: assay.dev/v1
                kind: Test
                policies: [p.yaml]
                resources: [r.yaml]
                results:
                - {policy: p, resource: x, result: maybe}
                - {policy: p, result: pass, extra: 1}
                """);

        assertThatThrownBy(() -> run(test))
                .isInstanceOf(InvalidPolicyException.class)
                .satisfies(e -> assertThat(((InvalidPolicyException) e).problems())
                        .extracting(problem -> problem.line() + " " + problem.field() + ": " + problem.message())
                        .containsExactly(
                                "6 results[0].result: unknown result 'maybe': expected pass, fail, skip or error",
                                "7 results[1].extra: unknown field 'extra' (expected one of policy, rule, resource,"
                                        + " resources, kind, namespace, result)",
                                "7 results[1]: an expected result needs 'resource' or 'resources'"));
    }
}
