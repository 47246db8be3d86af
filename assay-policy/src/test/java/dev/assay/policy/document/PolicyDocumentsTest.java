package dev.assay.policy.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.assay.model.Severity;
import dev.assay.policy.admission.Enforcement;
import dev.assay.policy.admission.FailurePolicy;
import dev.assay.policy.cel.CelEnvironment;
import dev.assay.policy.cel.CelPolicy;
import dev.assay.policy.cel.InvalidPolicyException;
import dev.assay.policy.cel.PolicyDefinition;
import dev.assay.policy.cel.PolicyProblem;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class PolicyDocumentsTest {
    private static final String FULL = """
            apiVersion: assay.dev/v1
            kind: Policy
            metadata:
              name: full
              labels: {team: platform}
            spec:
              mode: warn
              failurePolicy: Ignore
              match:
                resources:
                - apiGroups: ["", apps]
                  apiVersions: [v1]
                  kinds: [Pod, Deployment]
                  operations: [CREATE, UPDATE]
                namespaces: [shop]
                excludedNamespaces: [kube-system]
                objectSelector:
                  matchLabels: {app: web}
                  matchExpressions:
                  - {key: env, operator: In, values: [prod]}
              matchConditions:
              - name: not-dry-run
                expression: "!request.dryRun"
              variables:
              - name: images
                expression: "object.spec.containers.map(c, c.image)"
              validations:
              - name: no-latest
                expression: "variables.images.all(i, !i.endsWith(':latest'))"
                message: no latest
                messageExpression: "'bad: ' + variables.images.join(',')"
                severity: critical
              exceptions:
              - name: tools
                namespaces: [tools]
                names: [debug-*]
                expression: "true"
                validations: [no-latest]
            ---
            apiVersion: assay.dev/v1
            kind: Policy
            metadata: {name: second}
            spec:
              validations:
              - {name: always, expression: "true"}
            """;

    private static List<PolicyProblem> problems(String yaml) {
        return PolicyDocuments.check(yaml, "p.yaml", CelEnvironment.defaults()).problems();
    }

    private static String policy(String spec) {
        return "apiVersion: assay.dev/v1\nkind: Policy\nmetadata:\n  name: p\nspec:\n" + spec.indent(2);
    }

    @Test
    void parse_everyField_isRead() {
        List<CelPolicy> policies = PolicyDocuments.parse(FULL, "full.yaml");

        assertThat(policies).extracting(CelPolicy::name).containsExactly("full", "second");
        PolicyDefinition full = policies.get(0).definition();
        assertThat(full.mode()).isEqualTo(Enforcement.WARN);
        assertThat(full.failurePolicy()).isEqualTo(FailurePolicy.IGNORE);
        assertThat(full.source()).isEqualTo("full.yaml");
        assertThat(full.match().resources()).singleElement().satisfies(rule -> {
            assertThat(rule.apiGroups()).containsExactly("", "apps");
            assertThat(rule.kinds()).containsExactly("Pod", "Deployment");
        });
        assertThat(full.match().objectSelector().matchLabels()).containsEntry("app", "web");
        assertThat(full.match().objectSelector().matchExpressions())
                .singleElement()
                .satisfies(requirement -> assertThat(requirement.operator()).isEqualTo(PolicyDefinition.Operator.In));
        assertThat(full.matchConditions())
                .extracting(PolicyDefinition.NamedExpression::name)
                .containsExactly("not-dry-run");
        assertThat(full.variables())
                .extracting(PolicyDefinition.NamedExpression::name)
                .containsExactly("images");
        assertThat(full.validations()).singleElement().satisfies(validation -> {
            assertThat(validation.severity()).isEqualTo(Severity.CRITICAL);
            assertThat(validation.message()).isEqualTo("no latest");
            assertThat(validation.messageExpression().text()).startsWith("'bad: '");
        });
        assertThat(full.exceptions()).singleElement().satisfies(exception -> {
            assertThat(exception.names()).containsExactly("debug-*");
            assertThat(exception.validations()).containsExactly("no-latest");
        });
        PolicyDefinition second = policies.get(1).definition();
        assertThat(second.mode()).isEqualTo(Enforcement.ENFORCE);
        assertThat(second.failurePolicy()).isEqualTo(FailurePolicy.FAIL);
        assertThat(second.match()).isEqualTo(PolicyDefinition.Match.ALL);
    }

    @Test
    void parse_json_isAccepted() {
        String json = """
                {"apiVersion": "assay.dev/v1", "kind": "Policy", "metadata": {"name": "j"},
                 "spec": {"validations": [{"name": "v", "expression": "object.kind == 'Pod'"}]}}
                """;

        assertThat(PolicyDocuments.parse(json.getBytes(StandardCharsets.UTF_8), "p.json"))
                .extracting(CelPolicy::name)
                .containsExactly("j");
    }

    @Test
    void check_structuralProblems_nameFileLineColumnAndField() {
        List<PolicyProblem> problems = problems(policy("""
                mode: strict
                validaton: []
                validations:
                - name: a
                  expression: "true"
                  severity: urgent
                - expression: "true"
                """));

        assertThat(problems)
                .extracting(PolicyProblem::describe)
                .containsExactly(
                        "p.yaml:6:9: spec.mode: unknown mode 'strict': expected enforce, warn or audit",
                        "p.yaml:7:3: spec.validaton: unknown field 'validaton' (expected one of mode, failurePolicy, match,"
                                + " matchConditions, variables, validations, exceptions)",
                        "p.yaml:11:15: spec.validations[0].severity: unknown severity 'urgent': expected critical, high,"
                                + " medium or low",
                        "p.yaml:12:5: spec.validations[1]: missing required field 'name'");
    }

    @Test
    void check_celErrors_locateTheColumnInsideTheExpression() {
        List<PolicyProblem> problems = problems(policy("""
                validations:
                - name: plain
                  expression: objekt.spec == 1
                - name: quoted
                  expression: "object.spec =="
                - name: block
                  expression: |
                    object.spec.containers.all(c,
                      c.image.endsWit(':latest'))
                """));

        assertThat(problems).hasSize(3);
        assertThat(problems.get(0).describe())
                .isEqualTo("p.yaml:8:17: spec.validations[0].expression: undeclared reference to 'objekt' (in"
                        + " container '') (expression column 1)");
        assertThat(problems.get(1)).satisfies(problem -> {
            assertThat(problem.line()).isEqualTo(10);
            assertThat(problem.expressionColumn()).isEqualTo(15);
            assertThat(problem.column()).as("after the quote at column 17").isEqualTo(17 + 1 + 14);
        });
        assertThat(problems.get(2)).satisfies(problem -> {
            assertThat(problem.field()).isEqualTo("spec.validations[2].expression");
            assertThat(problem.expressionLine()).isEqualTo(2);
            assertThat(problem.line()).isEqualTo(14);
            assertThat(problem.message()).contains("endsWit");
            assertThat(problem.column()).as("the block is indented by 6").isEqualTo(6 + problem.expressionColumn());
        });
    }

    @Test
    void check_typeErrors_areReported() {
        assertThat(problems(policy("""
                validations:
                - name: not-bool
                  expression: "object.metadata.name + 'x'"
                  messageExpression: "1"
                """)))
                .extracting(PolicyProblem::message)
                .containsExactly(
                        "the expression must evaluate to bool, not string",
                        "the expression must evaluate to string, not int");
    }

    @Test
    void check_variables_mustBeDeclaredBeforeUseAndNamedAsIdentifiers() {
        assertThat(problems(policy("""
                variables:
                - name: a
                  expression: "variables.b"
                - name: b
                  expression: "1"
                - name: not-an-identifier
                  expression: "1"
                validations:
                - name: v
                  expression: "variables.a == 1"
                """)))
                .extracting(PolicyProblem::message)
                .anySatisfy(message -> assertThat(message)
                        .contains(
                                "undeclared reference to 'variables'",
                                "can use only the variables declared before it (none here)"))
                .anySatisfy(message -> assertThat(message).contains("not a valid variable name"));
    }

    @Test
    void check_otherDocuments_andDuplicates_areProblems() {
        String pod = "apiVersion: v1\nkind: Pod\nmetadata: {name: x}\n";
        String twice = policy("validations: [{name: v, expression: 'true'}]\n") + "---\n"
                + policy("validations: [{name: v, expression: 'true'}]\n");

        assertThat(problems(pod))
                .extracting(PolicyProblem::message)
                .containsExactly(
                        "not a policy: expected apiVersion assay.dev/v1 and kind Policy, found apiVersion v1 and kind Pod");
        assertThat(problems(twice))
                .extracting(PolicyProblem::message)
                .containsExactly("policy 'p' is defined twice in p.yaml");
        assertThat(problems("")).extracting(PolicyProblem::message).containsExactly("p.yaml holds no policy");
        assertThat(problems(policy("validations: []\n")))
                .extracting(PolicyProblem::message)
                .containsExactly("must list at least one validation");
        assertThat(problems(policy("""
                validations: [{name: v, expression: 'true'}]
                exceptions: [{name: everything}]
                """)))
                .extracting(PolicyProblem::message)
                .containsExactly("an exception needs namespaces, names or an expression");
        assertThat(problems(policy("""
                validations: [{name: v, expression: 'true'}, {name: v, expression: 'false'}]
                """)))
                .extracting(PolicyProblem::message)
                .containsExactly("validation 'v' is defined twice");
    }

    @Test
    void check_yamlSyntaxError_isLocated() {
        assertThat(problems("apiVersion: assay.dev/v1\nkind: [Policy\n"))
                .singleElement()
                .satisfies(problem -> {
                    assertThat(problem.line()).isEqualTo(3);
                    assertThat(problem.message()).startsWith("invalid YAML:");
                });
    }

    @Test
    void parse_withProblems_throwsListingThemAll() {
        assertThatThrownBy(() -> PolicyDocuments.parse(
                        policy("mode: x\nvalidations: [{name: v, expression: 'true ='}]\n"), "p.yaml"))
                .isInstanceOf(InvalidPolicyException.class)
                .hasMessageStartingWith("p.yaml:6:9: spec.mode: unknown mode 'x'")
                .hasMessageEndingWith("(and 1 more problems)")
                .satisfies(
                        e -> assertThat(((InvalidPolicyException) e).problems()).hasSize(2));
    }
}
