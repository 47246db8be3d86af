package dev.assay.server.admission;

import dev.assay.policy.admission.AdmissionInput;
import dev.assay.policy.admission.AdmissionMutator;
import dev.assay.policy.admission.JsonPatchOperation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Sets imagePullPolicy: Always on every container of a Pod that does not set it. */
final class AlwaysPullMutator implements AdmissionMutator {
    @Override
    public String name() {
        return "always-pull";
    }

    @Override
    public boolean appliesTo(AdmissionInput input) {
        return input.kind().kind().equals("Pod") && input.operation() == AdmissionInput.Operation.CREATE;
    }

    @Override
    public List<JsonPatchOperation> mutate(AdmissionInput input) {
        List<JsonPatchOperation> patch = new ArrayList<>();
        if (input.object().get("spec") instanceof Map<?, ?> spec
                && spec.get("containers") instanceof List<?> containers) {
            for (int i = 0; i < containers.size(); i++) {
                if (containers.get(i) instanceof Map<?, ?> container && !container.containsKey("imagePullPolicy")) {
                    patch.add(new JsonPatchOperation("add", "/spec/containers/" + i + "/imagePullPolicy", "Always"));
                }
            }
        }
        return patch;
    }
}
