package dev.assay.server.admission;

import static org.assertj.core.api.Assertions.assertThat;

import dev.assay.engine.admission.AdmissionDecision;
import dev.assay.engine.admission.PolicyOutcome;
import dev.assay.policy.admission.AdmissionInput;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DecisionLogTest {
    private static AdmissionInput input(String name, String namespace) {
        return new AdmissionInput(
                "uid-1",
                AdmissionInput.Operation.CREATE,
                new AdmissionInput.GroupVersionKind("apps", "v1", "Deployment"),
                "deployments",
                "",
                namespace,
                name,
                Map.of(),
                Map.of(),
                "system:serviceaccount:ci:deployer",
                List.of(),
                false);
    }

    @Test
    void line_denial_namesUidKindObjectResultAndPolicies() {
        AdmissionDecision decision = new AdmissionDecision(
                "uid-1",
                false,
                "denied",
                List.of(),
                Map.of(),
                List.of(),
                List.of(
                        new PolicyOutcome("pod-security-restricted", PolicyOutcome.Result.DENY, List.of(), ""),
                        new PolicyOutcome("images", PolicyOutcome.Result.FAIL_OPEN, List.of(), "unreachable")));

        String line = DecisionLog.line(Webhook.VALIDATE, input("api", "team-b"), decision, Duration.ofNanos(412_000));

        assertThat(line)
                .isEqualTo("admission validate uid=uid-1 kind=apps/v1/Deployment object=team-b/api operation=CREATE "
                        + "user=system:serviceaccount:ci:deployer result=denied "
                        + "policies=pod-security-restricted=deny,images=fail-open took=0.41ms");
    }

    @Test
    void line_hostileValues_cannotForgeLogLines() {
        AdmissionDecision decision = new AdmissionDecision("u", true, "", List.of(), Map.of(), List.of(), List.of());

        String line = DecisionLog.line(
                Webhook.MUTATE, input("x\nadmission validate uid=forged", "a b"), decision, Duration.ZERO);

        assertThat(line).doesNotContain("\n").contains("object=a_b/x_admission_validate_uid=forged");
        assertThat(DecisionLog.printable("y".repeat(1000))).hasSize(256);
    }
}
