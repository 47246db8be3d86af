package dev.assay.policy.cel;

import static dev.assay.policy.cel.PolicyTesting.manifest;
import static dev.assay.policy.cel.PolicyTesting.only;
import static dev.assay.policy.cel.PolicyTesting.policy;
import static org.assertj.core.api.Assertions.assertThat;

import dev.assay.model.Severity;
import dev.assay.policy.admission.Enforcement;
import dev.assay.policy.cel.RuleResult.Outcome;
import java.util.List;
import org.junit.jupiter.api.Test;

class CelPolicyTest {
    static final String RUN_AS_NON_ROOT = """
            apiVersion: assay.dev/v1
            kind: Policy
            metadata:
              name: require-run-as-non-root
            spec:
              match:
                resources:
                - kinds: [Pod]
              validations:
              - name: containers-run-as-non-root
                expression: >-
                  object.spec.containers.all(c,
                    has(c.securityContext) && has(c.securityContext.runAsNonRoot) && c.securityContext.runAsNonRoot)
                message: every container must set securityContext.runAsNonRoot
                severity: high
            """;

    static final String POD = """
            apiVersion: v1
            kind: Pod
            metadata:
              name: web
              namespace: shop
            spec:
              containers:
              - name: app
                image: nginx:1.27
                securityContext:
                  runAsNonRoot: %s
            """;

    @Test
    void evaluate_compliantPod_passes() {
        PolicyResult result = policy(RUN_AS_NON_ROOT).evaluate(manifest(POD.formatted("true")));

        assertThat(only(result).outcome()).isEqualTo(Outcome.PASS);
        assertThat(result.denies()).isFalse();
    }

    @Test
    void evaluate_rootPod_failsWithMessageAndSeverity() {
        RuleResult rule = only(policy(RUN_AS_NON_ROOT).evaluate(manifest(POD.formatted("false"))));

        assertThat(rule.outcome()).isEqualTo(Outcome.FAIL);
        assertThat(rule.message()).isEqualTo("every container must set securityContext.runAsNonRoot");
        assertThat(rule.severity()).isEqualTo(Severity.HIGH);
        assertThat(rule.enforcement()).isEqualTo(Enforcement.ENFORCE);
    }

    @Test
    void evaluate_yamlYes_isTrueAsKubernetesReadsIt() {
        assertThat(only(policy(RUN_AS_NON_ROOT).evaluate(manifest(POD.formatted("yes"))))
                        .outcome())
                .isEqualTo(Outcome.PASS);
        assertThat(only(policy(RUN_AS_NON_ROOT).evaluate(manifest(POD.formatted("'true'"))))
                        .outcome())
                .as("a quoted 'true' is a string, and a string is not a bool")
                .isEqualTo(Outcome.ERROR);
    }

    @Test
    void evaluate_concurrently_givesEveryThreadItsOwnAnswer() throws Exception {
        CelPolicy policy = policy(RUN_AS_NON_ROOT);
        var compliant = manifest(POD.formatted("true"));
        var root = manifest(POD.formatted("false"));
        var pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            List<java.util.concurrent.Future<Boolean>> answers = new java.util.ArrayList<>();
            for (int task = 0; task < 64; task++) {
                boolean expectPass = task % 2 == 0;
                answers.add(pool.submit(() -> {
                    for (int i = 0; i < 200; i++) {
                        Outcome outcome = only(policy.evaluate(expectPass ? compliant : root))
                                .outcome();
                        if (outcome != (expectPass ? Outcome.PASS : Outcome.FAIL)) {
                            return false;
                        }
                    }
                    return true;
                }));
            }
            for (var answer : answers) {
                assertThat(answer.get()).isTrue();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void evaluate_otherKind_isSkipped() {
        PolicyResult result = policy(RUN_AS_NON_ROOT).evaluate(manifest("apiVersion: v1\nkind: ConfigMap\n"));

        assertThat(result.skipped()).isTrue();
        assertThat(only(result).message()).contains("ConfigMap");
    }
}
