package dev.assay.engine.admission;

import static dev.assay.engine.admission.AdmissionFixtures.input;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.assay.model.InvalidInputException;
import dev.assay.policy.admission.AdmissionInput;
import dev.assay.policy.admission.Enforcement;
import dev.assay.policy.admission.FailurePolicy;
import dev.assay.policy.admission.JsonPatchOperation;
import dev.assay.policy.pss.Level;
import dev.assay.policy.pss.PodSecurityPolicy;
import dev.assay.policy.pss.PolicyVersion;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AdmissionControllerTest {
    private static final PodSecurityPolicy RESTRICTED =
            new PodSecurityPolicy(Level.RESTRICTED, PolicyVersion.LATEST, false);

    private static AdmissionController validating(dev.assay.policy.admission.AdmissionPolicy... policies) {
        return new AdmissionController(List.of(policies), List.of());
    }

    @Test
    void validate_restrictedPod_isAllowedWithAPassOutcome() {
        AdmissionDecision decision = validating(RESTRICTED).validate(input("pod-restricted.json"));

        assertThat(decision.allowed()).isTrue();
        assertThat(decision.uid()).isEqualTo("705ab4f5-6393-11e8-b7cc-42010a800002");
        assertThat(decision.message()).isEmpty();
        assertThat(decision.warnings()).isEmpty();
        assertThat(decision.outcomes()).singleElement().satisfies(outcome -> {
            assertThat(outcome.policy()).isEqualTo("pod-security-restricted");
            assertThat(outcome.result()).isEqualTo(PolicyOutcome.Result.PASS);
        });
        assertThat(decision.resultLabel()).isEqualTo("allowed");
    }

    @Test
    void validate_privilegedPod_isDeniedWithPodSecurityWording() {
        AdmissionDecision decision = validating(RESTRICTED).validate(input("pod-privileged.json"));

        assertThat(decision.allowed()).isFalse();
        assertThat(decision.message())
                .startsWith("violates PodSecurity \"restricted:latest\": ")
                .contains("privileged")
                .contains("hostPID=true");
        assertThat(decision.outcomes().get(0).result()).isEqualTo(PolicyOutcome.Result.DENY);
        assertThat(decision.outcomes().get(0).violations()).isNotEmpty();
        assertThat(decision.resultLabel()).isEqualTo("denied");
    }

    @Test
    void validate_deploymentBreakingRestricted_isAllowedWithAWarning() {
        AdmissionDecision decision = validating(RESTRICTED).validate(input("deployment-baseline.json"));

        assertThat(decision.allowed()).isTrue();
        assertThat(decision.warnings())
                .singleElement()
                .asString()
                .startsWith("would violate PodSecurity \"restricted:latest\": ")
                .contains("allowPrivilegeEscalation");
        assertThat(decision.outcomes().get(0).result()).isEqualTo(PolicyOutcome.Result.WARN);
    }

    @Test
    void validate_enforcedWorkloads_deniesTheDeployment() {
        AdmissionDecision decision = validating(new PodSecurityPolicy(Level.RESTRICTED, PolicyVersion.LATEST, true))
                .validate(input("deployment-baseline.json"));

        assertThat(decision.allowed()).isFalse();
        assertThat(decision.message()).startsWith("violates PodSecurity");
    }

    @Test
    void validate_auditModeViolation_isAllowedWithAnAuditAnnotation() {
        AdmissionDecision decision = validating(
                        new TestPolicies.RequiredLabel("cost-center", "cost-center", Enforcement.AUDIT))
                .validate(input("pod-restricted.json"));

        assertThat(decision.allowed()).isTrue();
        assertThat(decision.warnings()).isEmpty();
        assertThat(decision.auditAnnotations()).containsOnlyKeys("cost-center");
        assertThat(decision.auditAnnotations().get("cost-center")).contains("label 'cost-center' is missing");
        assertThat(decision.outcomes().get(0).result()).isEqualTo(PolicyOutcome.Result.AUDIT);
    }

    @Test
    void validate_severalPolicies_composeDenialsWarningsAndAnnotations() {
        AdmissionDecision decision = validating(
                        RESTRICTED,
                        new TestPolicies.RequiredLabel("owner", "owner", Enforcement.ENFORCE),
                        new TestPolicies.RequiredLabel("tier", "tier", Enforcement.WARN),
                        new TestPolicies.RequiredLabel("cost", "cost", Enforcement.AUDIT))
                .validate(input("pod-privileged.json"));

        assertThat(decision.allowed()).isFalse();
        assertThat(decision.message()).startsWith("violates PodSecurity").contains("; owner: label 'owner' is missing");
        assertThat(decision.warnings()).containsExactly("tier: label 'tier' is missing");
        assertThat(decision.auditAnnotations()).containsEntry("cost", "cost: label 'cost' is missing");
        assertThat(decision.outcomes())
                .extracting(PolicyOutcome::result)
                .containsExactly(
                        PolicyOutcome.Result.DENY,
                        PolicyOutcome.Result.DENY,
                        PolicyOutcome.Result.WARN,
                        PolicyOutcome.Result.AUDIT);
    }

    @Test
    void validate_kindNoPolicyHandles_isUnhandled() {
        AdmissionDecision decision = validating(RESTRICTED).validate(input("configmap.json"));

        assertThat(decision.allowed()).isTrue();
        assertThat(decision.handled()).isFalse();
        assertThat(decision.resultLabel()).isEqualTo("unhandled");
    }

    @Test
    void validate_noVerdictWithFailurePolicyFail_deniesAndSaysWhy() {
        AdmissionDecision decision = validating(
                        RESTRICTED, new TestPolicies.Unreachable("image-signatures", FailurePolicy.FAIL))
                .validate(input("pod-restricted.json"));

        assertThat(decision.allowed()).isFalse();
        assertThat(decision.message())
                .isEqualTo("image-signatures: no verdict (registry.example is unreachable (check egress)); "
                        + "denied because its failurePolicy is Fail");
        assertThat(decision.outcomes())
                .extracting(PolicyOutcome::result)
                .containsExactly(PolicyOutcome.Result.PASS, PolicyOutcome.Result.FAIL_CLOSED);
        assertThat(decision.outcomes().get(1).result().failurePolicyApplied()).isTrue();
    }

    @Test
    void validate_noVerdictWithFailurePolicyIgnore_allowsWithWarningAndAnnotation() {
        AdmissionDecision decision = validating(new TestPolicies.Unreachable("image-signatures", FailurePolicy.IGNORE))
                .validate(input("pod-restricted.json"));

        assertThat(decision.allowed()).isTrue();
        assertThat(decision.warnings())
                .singleElement()
                .asString()
                .contains("no verdict (registry.example is unreachable (check egress))")
                .contains("failurePolicy is Ignore");
        assertThat(decision.auditAnnotations()).containsKey("image-signatures");
        assertThat(decision.outcomes().get(0).result()).isEqualTo(PolicyOutcome.Result.FAIL_OPEN);
    }

    @Test
    void validate_policyWithABug_appliesItsFailurePolicyWithoutLeakingDetails() {
        AdmissionDecision closed =
                validating(new TestPolicies.Broken("buggy", FailurePolicy.FAIL)).validate(input("pod-restricted.json"));
        AdmissionDecision open = validating(new TestPolicies.Broken("buggy", FailurePolicy.IGNORE))
                .validate(input("pod-restricted.json"));

        assertThat(closed.allowed()).isFalse();
        assertThat(closed.message())
                .contains("buggy: no verdict (internal error)")
                .doesNotContain("index 3");
        assertThat(open.allowed()).isTrue();
        assertThat(open.warnings()).singleElement().asString().contains("internal error");
    }

    @Test
    void validate_podWithoutSpec_isDeniedAsInvalid() {
        AdmissionInput noSpec = withObject(
                input("pod-restricted.json"), Map.of("apiVersion", "v1", "kind", "Pod", "metadata", Map.of()));

        AdmissionDecision decision = validating(RESTRICTED).validate(noSpec);

        assertThat(decision.allowed()).isFalse();
        assertThat(decision.message()).startsWith("pod-security-restricted: cannot review this object: ");
        assertThat(decision.outcomes().get(0).result()).isEqualTo(PolicyOutcome.Result.INVALID);
    }

    @Test
    void validate_hostileMessage_hasNoControlCharacters() {
        AdmissionDecision decision = validating(new TestPolicies.RequiredLabel("x", "a\nb\r\u0000c", Enforcement.WARN))
                .validate(input("pod-restricted.json"));

        assertThat(decision.warnings().get(0)).doesNotContain("\n", "\r", "\u0000");
    }

    @Test
    void mutate_appliesMutatorsInOrderEachSeeingThePreviousPatch() {
        AdmissionController controller = new AdmissionController(
                List.of(),
                List.of(
                        new TestPolicies.DefaultLabel("owner-label", "owner", "platform"),
                        new TestPolicies.DefaultLabel("owner-label-again", "owner", "someone-else"),
                        new TestPolicies.DefaultLabel("tier-label", "tier", "web")));

        AdmissionDecision decision = controller.mutate(input("pod-privileged.json"));

        assertThat(decision.allowed()).isTrue();
        // The pod has no labels: the first mutator adds the map, the second sees the label and does nothing.
        assertThat(decision.patch())
                .containsExactly(
                        new JsonPatchOperation("add", "/metadata/labels", Map.of("owner", "platform")),
                        new JsonPatchOperation("add", "/metadata/labels/tier", "web"));
        assertThat(decision.outcomes())
                .extracting(PolicyOutcome::result)
                .containsExactly(PolicyOutcome.Result.PATCH, PolicyOutcome.Result.PASS, PolicyOutcome.Result.PATCH);
        Map<String, Object> patched =
                JsonPatches.apply(input("pod-privileged.json").object(), decision.patch());
        assertThat((Map<?, ?>) ((Map<?, ?>) patched.get("metadata")).get("labels"))
                .isEqualTo(Map.of("owner", "platform", "tier", "web"));
    }

    @Test
    void mutate_mutatorFailingClosed_deniesWithoutPatch() {
        AdmissionController controller = new AdmissionController(
                List.of(),
                List.of(
                        new TestPolicies.DefaultLabel("owner-label", "owner", "platform"),
                        new TestPolicies.Unreachable("image-digests", FailurePolicy.FAIL)));

        AdmissionDecision decision = controller.mutate(input("pod-restricted.json"));

        assertThat(decision.allowed()).isFalse();
        assertThat(decision.patch()).isEmpty();
        assertThat(decision.message()).startsWith("image-digests: no verdict (registry.example is unreachable)");
    }

    @Test
    void mutate_mutatorFailingOpen_keepsTheOtherPatchesAndWarns() {
        AdmissionController controller = new AdmissionController(
                List.of(),
                List.of(
                        new TestPolicies.Unreachable("image-digests", FailurePolicy.IGNORE),
                        new TestPolicies.DefaultLabel("owner-label", "owner", "platform")));

        AdmissionDecision decision = controller.mutate(input("pod-restricted.json"));

        assertThat(decision.allowed()).isTrue();
        assertThat(decision.patch())
                .containsExactly(new JsonPatchOperation("add", "/metadata/labels/owner", "platform"));
        assertThat(decision.warnings()).singleElement().asString().startsWith("image-digests: no verdict");
    }

    @Test
    void mutate_patchThatDoesNotApply_isTheMutatorsFailure() {
        dev.assay.policy.admission.AdmissionMutator wrong = new dev.assay.policy.admission.AdmissionMutator() {
            @Override
            public String name() {
                return "wrong-path";
            }

            @Override
            public boolean appliesTo(AdmissionInput input) {
                return true;
            }

            @Override
            public List<JsonPatchOperation> mutate(AdmissionInput input) {
                return List.of(JsonPatchOperation.replace("/spec/nothing/here", "x"));
            }
        };

        AdmissionDecision decision =
                new AdmissionController(List.of(), List.of(wrong)).mutate(input("pod-restricted.json"));

        assertThat(decision.allowed()).isFalse();
        assertThat(decision.outcomes().get(0).result()).isEqualTo(PolicyOutcome.Result.FAIL_CLOSED);
    }

    @Test
    void constructor_duplicateNames_areRejected() {
        assertThatThrownBy(() ->
                        validating(RESTRICTED, new PodSecurityPolicy(Level.RESTRICTED, PolicyVersion.of(30), false)))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("pod-security-restricted");
    }

    private static AdmissionInput withObject(AdmissionInput input, Map<String, Object> object) {
        return new AdmissionInput(
                input.uid(),
                input.operation(),
                input.kind(),
                input.resource(),
                input.subResource(),
                input.namespace(),
                input.name(),
                object,
                input.oldObject(),
                input.username(),
                input.groups(),
                input.dryRun());
    }
}
