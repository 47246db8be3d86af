package dev.assay.policy.cel;

import dev.assay.policy.admission.AdmissionInput;
import dev.assay.policy.document.PolicyDocuments;
import dev.assay.policy.document.ResourceDocuments;
import java.util.List;

/** Small helpers shared by the CEL tests: a policy from YAML text, an object from YAML text. */
final class PolicyTesting {
    private PolicyTesting() {}

    static CelPolicy policy(String yaml) {
        List<CelPolicy> policies = PolicyDocuments.parse(yaml, "policy.yaml");
        if (policies.size() != 1) {
            throw new IllegalStateException("expected one policy, got " + policies.size());
        }
        return policies.get(0);
    }

    /** A policy with one validation over every document. */
    static CelPolicy rule(String expression) {
        return policy("""
                apiVersion: assay.dev/v1
                kind: Policy
                metadata:
                  name: test
                spec:
                  validations:
                  - name: rule
                    expression: %s
                """.formatted(quoted(expression)));
    }

    static String quoted(String expression) {
        return "'" + expression.replace("'", "''") + "'";
    }

    static AdmissionInput manifest(String yaml) {
        return ResourceDocuments.parse(yaml, "object.yaml").get(0).admissionInput("");
    }

    static RuleResult only(PolicyResult result) {
        if (result.rules().size() != 1) {
            throw new IllegalStateException("expected one rule result, got " + result.rules());
        }
        return result.rules().get(0);
    }
}
