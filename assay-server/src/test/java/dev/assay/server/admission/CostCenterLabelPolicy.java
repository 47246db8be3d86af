package dev.assay.server.admission;

import dev.assay.model.Severity;
import dev.assay.policy.admission.AdmissionInput;
import dev.assay.policy.admission.AdmissionPolicy;
import dev.assay.policy.admission.Enforcement;
import dev.assay.policy.admission.PolicyViolation;
import java.util.List;
import java.util.Map;

/** Audits Pods without a cost-center label: admitted, but recorded in the API server's audit log. */
final class CostCenterLabelPolicy implements AdmissionPolicy {
    @Override
    public String name() {
        return "cost-center";
    }

    @Override
    public boolean appliesTo(AdmissionInput input) {
        return input.kind().kind().equals("Pod");
    }

    @Override
    public List<PolicyViolation> review(AdmissionInput input) {
        if (input.object().get("metadata") instanceof Map<?, ?> metadata
                && metadata.get("labels") instanceof Map<?, ?> labels
                && labels.containsKey("cost-center")) {
            return List.of();
        }
        return List.of(new PolicyViolation(
                name(), "cost-center-label", Enforcement.AUDIT, Severity.LOW, "label cost-center is missing"));
    }
}
