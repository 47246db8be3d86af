package dev.assay.policy.cel;

import static dev.assay.policy.cel.PolicyTesting.manifest;
import static dev.assay.policy.cel.PolicyTesting.only;
import static dev.assay.policy.cel.PolicyTesting.policy;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.assay.model.NoVerdictException;
import dev.assay.model.Severity;
import dev.assay.policy.admission.AdmissionInput;
import dev.assay.policy.admission.AdmissionInput.GroupVersionKind;
import dev.assay.policy.admission.AdmissionInput.Operation;
import dev.assay.policy.admission.Enforcement;
import dev.assay.policy.admission.FailurePolicy;
import dev.assay.policy.admission.PolicyViolation;
import dev.assay.policy.cel.RuleResult.Outcome;
import dev.assay.policy.document.PolicyDocuments;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Match, variables, exceptions, messages, modes and failure policies, as ValidatingAdmissionPolicy has them. */
class CelPolicySemanticsTest {
    private static String policyWith(String spec) {
        return """
                apiVersion: assay.dev/v1
                kind: Policy
                metadata:
                  name: p
                spec:
                %s
                """.formatted(spec.indent(2).stripTrailing());
    }

    private static final String DENY_ALL = """
            validations:
            - name: never
              expression: "false"
            """;

    private static AdmissionInput pod(String namespace, String name, Map<String, String> labels) {
        return manifest("""
                apiVersion: v1
                kind: Pod
                metadata:
                  name: %s
                  namespace: %s
                  labels: %s
                spec:
                  containers: []
                """.formatted(name, namespace, labels.isEmpty() ? "{}" : toFlow(labels)));
    }

    private static String toFlow(Map<String, String> labels) {
        StringBuilder flow = new StringBuilder("{");
        labels.forEach((key, value) -> flow.append(flow.length() > 1 ? ", " : "")
                .append(key)
                .append(": ")
                .append(value));
        return flow.append('}').toString();
    }

    private static Outcome outcome(CelPolicy policy, AdmissionInput input) {
        return only(policy.evaluate(input)).outcome();
    }

    @Test
    void match_resourceRules_selectGroupVersionKindAndOperation() {
        CelPolicy policy = policy(policyWith("""
                match:
                  resources:
                  - apiGroups: [apps]
                    apiVersions: [v1]
                    kinds: [Deployment]
                    operations: [CREATE]
                """ + DENY_ALL));
        AdmissionInput deployment = manifest("apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: d}\n");

        assertThat(outcome(policy, deployment)).isEqualTo(Outcome.FAIL);
        assertThat(outcome(policy, manifest("apiVersion: apps/v1beta1\nkind: Deployment\n")))
                .isEqualTo(Outcome.SKIP);
        assertThat(outcome(policy, manifest("apiVersion: v1\nkind: Pod\n"))).isEqualTo(Outcome.SKIP);
        assertThat(outcome(policy, withOperation(deployment, Operation.UPDATE))).isEqualTo(Outcome.SKIP);
    }

    @Test
    void match_withoutMatch_appliesToEveryDocumentOnCreateAndUpdateOnly() {
        CelPolicy policy = policy(policyWith(DENY_ALL));
        AdmissionInput sbom = manifest("bomFormat: CycloneDX\nspecVersion: '1.6'\ncomponents: []\n");

        assertThat(outcome(policy, sbom)).isEqualTo(Outcome.FAIL);
        assertThat(outcome(policy, withOperation(sbom, Operation.UPDATE))).isEqualTo(Outcome.FAIL);
        assertThat(outcome(policy, withOperation(sbom, Operation.DELETE))).isEqualTo(Outcome.SKIP);
    }

    @Test
    void match_namespacesAndExclusions_useGlobs() {
        CelPolicy policy = policy(policyWith("""
                match:
                  namespaces: [team-*, shop]
                  excludedNamespaces: [team-legacy]
                """ + DENY_ALL));

        assertThat(outcome(policy, pod("team-a", "x", Map.of()))).isEqualTo(Outcome.FAIL);
        assertThat(outcome(policy, pod("shop", "x", Map.of()))).isEqualTo(Outcome.FAIL);
        assertThat(outcome(policy, pod("team-legacy", "x", Map.of()))).isEqualTo(Outcome.SKIP);
        assertThat(outcome(policy, pod("default", "x", Map.of()))).isEqualTo(Outcome.SKIP);
        assertThat(only(policy.evaluate(pod("default", "x", Map.of()))).message())
                .contains("namespace 'default' is not one of [team-*, shop]");
    }

    @Test
    void match_objectSelector_matchLabelsAndExpressions() {
        CelPolicy policy = policy(policyWith("""
                match:
                  objectSelector:
                    matchLabels: {tier: web}
                    matchExpressions:
                    - {key: env, operator: In, values: [prod, staging]}
                    - {key: legacy, operator: DoesNotExist}
                    - {key: team, operator: Exists}
                    - {key: owner, operator: NotIn, values: [nobody]}
                """ + DENY_ALL));

        assertThat(outcome(policy, pod("a", "x", Map.of("tier", "web", "env", "prod", "team", "t"))))
                .isEqualTo(Outcome.FAIL);
        assertThat(outcome(policy, pod("a", "x", Map.of("tier", "web", "env", "dev", "team", "t"))))
                .isEqualTo(Outcome.SKIP);
        assertThat(outcome(policy, pod("a", "x", Map.of("tier", "web", "env", "prod", "team", "t", "legacy", "y"))))
                .isEqualTo(Outcome.SKIP);
        assertThat(outcome(policy, pod("a", "x", Map.of("tier", "web", "env", "prod"))))
                .isEqualTo(Outcome.SKIP);
        assertThat(outcome(policy, pod("a", "x", Map.of("tier", "web", "env", "prod", "team", "t", "owner", "nobody"))))
                .isEqualTo(Outcome.SKIP);
        assertThat(outcome(policy, pod("a", "x", Map.of("tier", "db", "env", "prod", "team", "t"))))
                .isEqualTo(Outcome.SKIP);
    }

    @Test
    void match_objectSelectorOnDelete_looksAtTheOldObject() {
        CelPolicy policy = policy(policyWith("""
                match:
                  resources: [{kinds: [Pod], operations: [DELETE]}]
                  objectSelector: {matchLabels: {protected: "true"}}
                validations:
                - name: never-delete
                  expression: "oldObject.metadata.name == 'x' && object == null"
                """));
        AdmissionInput labelled = pod("a", "x", Map.of("protected", "'true'"));
        AdmissionInput delete = new AdmissionInput(
                "uid",
                Operation.DELETE,
                labelled.kind(),
                "pods",
                "",
                "a",
                "x",
                Map.of(),
                labelled.object(),
                "u",
                List.of(),
                false);

        assertThat(outcome(policy, delete)).isEqualTo(Outcome.PASS);
    }

    @Test
    void matchConditions_falseSkipsAndErrorIsAnError() {
        CelPolicy policy = policy(policyWith("""
                matchConditions:
                - name: not-system
                  expression: "!object.metadata.namespace.startsWith('kube-')"
                """ + DENY_ALL));

        assertThat(outcome(policy, pod("shop", "x", Map.of()))).isEqualTo(Outcome.FAIL);
        assertThat(only(policy.evaluate(pod("kube-system", "x", Map.of()))).message())
                .isEqualTo("match condition 'not-system' is false");
        assertThat(outcome(policy, manifest("kind: Pod\napiVersion: v1\n"))).isEqualTo(Outcome.ERROR);
    }

    @Test
    void variables_canUseEarlierVariablesAndAreTyped() {
        CelPolicy policy = policy(policyWith("""
                variables:
                - name: containers
                  expression: "object.spec.containers"
                - name: images
                  expression: "variables.containers.map(c, c.image)"
                validations:
                - name: no-latest
                  expression: "variables.images.all(i, !i.endsWith(':latest'))"
                  messageExpression: "'latest images: ' + variables.images.filter(i, i.endsWith(':latest')).join(', ')"
                """));
        AdmissionInput input = manifest("""
                apiVersion: v1
                kind: Pod
                spec:
                  containers: [{name: a, image: 'nginx:latest'}, {name: b, image: 'redis:7'}]
                """);

        RuleResult rule = only(policy.evaluate(input));

        assertThat(rule.outcome()).isEqualTo(Outcome.FAIL);
        assertThat(rule.message()).isEqualTo("latest images: nginx:latest");
    }

    @Test
    void variables_areEvaluatedLazilyAndOncePerRequest() {
        // The variable costs about 2,700 steps; the policy may spend 5,000. Read three times, it fits only when
        // it is evaluated once; a failing variable nobody reads costs nothing.
        CelLimits limits = CelLimits.DEFAULT.withMaxSteps(5_000);
        limits = new CelLimits(
                limits.maxExpressionLength(),
                limits.maxParseDepth(),
                limits.maxIterations(),
                5_000,
                5_000,
                limits.maxStringLength(),
                limits.maxCollectionSize(),
                limits.maxRegexProgramSize());
        CelPolicy policy = PolicyDocuments.parse(policyWith("""
                variables:
                - name: expensive
                  expression: "lists.range(300).filter(i, i >= 0).size()"
                - name: broken
                  expression: "object.missing.field"
                validations:
                - name: uses-expensive-three-times
                  expression: "variables.expensive + variables.expensive + variables.expensive == 900"
                """), "p.yaml", CelEnvironment.withLimits(limits))
                .get(0);

        RuleResult rule = only(policy.evaluate(manifest("kind: Pod\n")));
        assertThat(rule.outcome()).as(rule.message()).isEqualTo(Outcome.PASS);
        CelPolicy unshared = PolicyDocuments.parse(policyWith("""
                validations:
                - name: inlines-expensive-three-times
                  expression: >-
                    lists.range(300).filter(i, i >= 0).size() + lists.range(300).filter(i, i >= 0).size()
                    + lists.range(300).filter(i, i >= 0).size() == 900
                """), "p.yaml", CelEnvironment.withLimits(limits))
                .get(0);
        assertThat(only(unshared.evaluate(manifest("kind: Pod\n"))).message())
                .as("the same work without a variable exceeds the budget, so the test above can fail")
                .contains("budget of 5000");
    }

    @Test
    void variables_failureIsReportedByTheValidationThatReadsIt() {
        CelPolicy policy = policy(policyWith("""
                variables:
                - name: broken
                  expression: "object.missing.field"
                validations:
                - name: reads-broken
                  expression: "variables.broken == 1"
                """));

        RuleResult rule = only(policy.evaluate(manifest("kind: Pod\n")));

        assertThat(rule.outcome()).isEqualTo(Outcome.ERROR);
        assertThat(rule.message()).contains("variable 'broken' could not be evaluated", "missing");
    }

    @Test
    void exceptions_byNamespaceNameAndExpression_skip() {
        CelPolicy policy = policy(policyWith("""
                validations:
                - name: never
                  expression: "false"
                - name: also-never
                  expression: "false"
                exceptions:
                - name: legacy-namespace
                  namespaces: [legacy-*]
                - name: named-debug
                  names: [debug-*]
                  namespaces: [tools]
                - name: annotated
                  expression: "has(object.metadata.annotations) && object.metadata.annotations['assay.dev/exempt'] == 'yes'"
                - name: only-one-rule
                  names: [partial]
                  validations: [also-never]
                """));

        assertThat(policy.evaluate(pod("legacy-a", "x", Map.of())).skipped()).isTrue();
        assertThat(policy.evaluate(pod("legacy-a", "x", Map.of()))
                        .rules()
                        .get(0)
                        .message())
                .isEqualTo("excepted by exception 'legacy-namespace'");
        assertThat(policy.evaluate(pod("tools", "debug-1", Map.of())).skipped()).isTrue();
        assertThat(policy.evaluate(pod("other", "debug-1", Map.of())).skipped()).isFalse();
        AdmissionInput annotated = manifest("""
                apiVersion: v1
                kind: Pod
                metadata: {name: z, annotations: {assay.dev/exempt: "yes"}}
                """);
        assertThat(policy.evaluate(annotated).skipped()).isTrue();
        PolicyResult partial = policy.evaluate(pod("shop", "partial", Map.of()));
        assertThat(partial.rules()).extracting(RuleResult::outcome).containsExactly(Outcome.FAIL, Outcome.SKIP);
    }

    @Test
    void messages_followKubernetesPrecedence() {
        CelPolicy policy = policy(policyWith("""
                validations:
                - name: default-message
                  expression: "  1 == 2  "
                - name: plain-message
                  expression: "false"
                  message: plain
                - name: failing-message-expression
                  expression: "false"
                  message: fallback
                  messageExpression: "object.missing"
                - name: empty-message-expression
                  expression: "false"
                  messageExpression: "'  '"
                - name: multi-line-message-expression
                  expression: "false"
                  message: single line
                  messageExpression: "'a\\\\nb'"
                - name: computed
                  expression: "false"
                  message: ignored
                  messageExpression: "'kind ' + object.kind"
                """));

        assertThat(policy.evaluate(manifest("kind: Pod\n")).rules())
                .extracting(RuleResult::message)
                .containsExactly(
                        "failed expression: 1 == 2",
                        "plain",
                        "fallback",
                        "failed expression: false",
                        "single line",
                        "kind Pod");
    }

    @Test
    void request_carriesTheAdmissionRequestFields() {
        CelPolicy policy = policy(policyWith("""
                validations:
                - name: request
                  expression: >-
                    request.operation == 'UPDATE' && request.namespace == 'ns' && request.name == 'n'
                    && request.userInfo.username == 'alice' && 'admins' in request.userInfo.groups
                    && request.kind.group == 'apps' && request.kind.version == 'v1' && request.kind.kind == 'Deployment'
                    && request.dryRun && request.uid == 'u-1' && request.resource.resource == 'deployments'
                    && oldObject.spec.replicas == 1 && object.spec.replicas == 2
                """));
        AdmissionInput input = new AdmissionInput(
                "u-1",
                Operation.UPDATE,
                new GroupVersionKind("apps", "v1", "Deployment"),
                "deployments",
                "",
                "ns",
                "n",
                Map.of("spec", Map.of("replicas", 2)),
                Map.of("spec", Map.of("replicas", 1)),
                "alice",
                List.of("admins"),
                true);

        assertThat(outcome(policy, input)).isEqualTo(Outcome.PASS);
    }

    @Test
    void oldObject_isNullOnCreate() {
        assertThat(outcome(PolicyTesting.rule("oldObject == null && object != null"), manifest("kind: Pod\n")))
                .isEqualTo(Outcome.PASS);
    }

    @Test
    void modes_setTheEnforcementOfViolations() {
        for (String mode : List.of("enforce", "warn", "audit")) {
            CelPolicy policy = policy(policyWith("mode: " + mode + "\n" + DENY_ALL));

            List<PolicyViolation> violations = policy.review(manifest("kind: Pod\n"));

            assertThat(violations).singleElement().satisfies(violation -> {
                assertThat(violation.enforcement().label()).isEqualTo(mode);
                assertThat(violation.policy()).isEqualTo("p");
                assertThat(violation.rule()).isEqualTo("never");
                assertThat(violation.severity()).isEqualTo(Severity.MEDIUM);
            });
        }
        assertThat(policy(policyWith("mode: warn\n" + DENY_ALL))
                        .evaluate(manifest("kind: Pod\n"))
                        .denies())
                .isFalse();
    }

    @Test
    void failurePolicyFail_turnsErrorsIntoViolations() {
        CelPolicy policy = policy(policyWith("""
                failurePolicy: Fail
                validations:
                - name: reads-missing
                  expression: "object.spec.missing == 1"
                """));

        List<PolicyViolation> violations = policy.review(manifest("kind: Pod\nspec: {}\n"));

        assertThat(policy.failurePolicy()).isEqualTo(FailurePolicy.FAIL);
        assertThat(violations).singleElement().satisfies(violation -> {
            assertThat(violation.enforcement()).isEqualTo(Enforcement.ENFORCE);
            assertThat(violation.message()).contains("could not be evaluated", "missing");
        });
    }

    @Test
    void failurePolicyIgnore_withoutOtherViolations_isNoVerdict() {
        CelPolicy policy = policy(policyWith("""
                failurePolicy: Ignore
                validations:
                - name: reads-missing
                  expression: "object.spec.missing == 1"
                - name: fine
                  expression: "true"
                """));

        assertThatThrownBy(() -> policy.review(manifest("kind: Pod\nspec: {}\n")))
                .isInstanceOf(NoVerdictException.class)
                .hasMessageContaining("reads-missing");
        PolicyResult result = policy.evaluate(manifest("kind: Pod\nspec: {}\n"));
        assertThat(result.denies()).isFalse();
        assertThat(result.warns()).isTrue();
    }

    @Test
    void failurePolicyIgnore_withOtherViolations_keepsThem() {
        CelPolicy policy = policy(policyWith("""
                failurePolicy: Ignore
                validations:
                - name: reads-missing
                  expression: "object.spec.missing == 1"
                - name: never
                  expression: "false"
                """));

        assertThat(policy.review(manifest("kind: Pod\nspec: {}\n")))
                .extracting(PolicyViolation::rule)
                .containsExactly("never");
    }

    @Test
    void evaluate_nonBoolResultAtRunTime_isAnError() {
        RuleResult rule = only(PolicyTesting.rule("object.spec.replicas").evaluate(manifest("spec: {replicas: 3}\n")));

        assertThat(rule.outcome()).isEqualTo(Outcome.ERROR);
        assertThat(rule.message()).contains("evaluated to int, not bool");
    }

    private static AdmissionInput withOperation(AdmissionInput input, Operation operation) {
        return new AdmissionInput(
                input.uid(),
                operation,
                input.kind(),
                input.resource(),
                input.subResource(),
                input.namespace(),
                input.name(),
                operation == Operation.DELETE ? Map.of() : input.object(),
                operation == Operation.CREATE ? Map.of() : input.object(),
                input.username(),
                input.groups(),
                input.dryRun());
    }
}
