package dev.assay.engine.admission;

import dev.assay.model.NoVerdictException;
import dev.assay.model.Severity;
import dev.assay.policy.admission.AdmissionInput;
import dev.assay.policy.admission.AdmissionMutator;
import dev.assay.policy.admission.AdmissionPolicy;
import dev.assay.policy.admission.Enforcement;
import dev.assay.policy.admission.FailurePolicy;
import dev.assay.policy.admission.JsonPatchOperation;
import dev.assay.policy.admission.PolicyViolation;
import java.util.List;
import java.util.Map;

/** Small real policies and mutators for the controller's tests. */
final class TestPolicies {
    private TestPolicies() {}

    /** Requires a label on every object that has metadata. */
    record RequiredLabel(String name, String label, Enforcement enforcement) implements AdmissionPolicy {
        @Override
        public boolean appliesTo(AdmissionInput input) {
            return input.object().get("metadata") instanceof Map<?, ?>;
        }

        @Override
        public List<PolicyViolation> review(AdmissionInput input) {
            Map<?, ?> metadata = (Map<?, ?>) input.object().get("metadata");
            if (metadata.get("labels") instanceof Map<?, ?> labels && labels.containsKey(label)) {
                return List.of();
            }
            return List.of(new PolicyViolation(
                    name, "required-label", enforcement, Severity.LOW, "label '" + label + "' is missing"));
        }
    }

    /** A policy whose verdict needs a registry that does not answer. */
    record Unreachable(String name, FailurePolicy failurePolicy) implements AdmissionPolicy, AdmissionMutator {
        @Override
        public boolean appliesTo(AdmissionInput input) {
            return true;
        }

        @Override
        public List<PolicyViolation> review(AdmissionInput input) {
            throw new NoVerdictException("registry.example is unreachable", "registry.example", "check egress", null);
        }

        @Override
        public List<JsonPatchOperation> mutate(AdmissionInput input) {
            throw new NoVerdictException("registry.example is unreachable", "registry.example", "", null);
        }
    }

    /** A policy with a bug. */
    record Broken(String name, FailurePolicy failurePolicy) implements AdmissionPolicy {
        @Override
        public boolean appliesTo(AdmissionInput input) {
            return true;
        }

        @Override
        public List<PolicyViolation> review(AdmissionInput input) {
            throw new IllegalStateException("index 3 out of bounds for length 3");
        }
    }

    /** Adds a label when it is missing. */
    record DefaultLabel(String name, String label, String value) implements AdmissionMutator {
        @Override
        public boolean appliesTo(AdmissionInput input) {
            return input.object().get("metadata") instanceof Map<?, ?>;
        }

        @Override
        public List<JsonPatchOperation> mutate(AdmissionInput input) {
            Map<?, ?> metadata = (Map<?, ?>) input.object().get("metadata");
            if (!(metadata.get("labels") instanceof Map<?, ?> labels)) {
                return List.of(new JsonPatchOperation("add", "/metadata/labels", Map.of(label, value)));
            }
            if (labels.containsKey(label)) {
                return List.of();
            }
            return List.of(
                    new JsonPatchOperation("add", "/metadata/labels/" + JsonPatchOperation.escape(label), value));
        }
    }
}
