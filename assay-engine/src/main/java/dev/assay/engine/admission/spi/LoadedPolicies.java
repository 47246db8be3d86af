package dev.assay.engine.admission.spi;

import dev.assay.policy.admission.AdmissionMutator;
import dev.assay.policy.admission.AdmissionPolicy;
import java.util.ArrayList;
import java.util.List;

/** What policy documents define: validating policies and mutators, in document order. */
public record LoadedPolicies(List<AdmissionPolicy> policies, List<AdmissionMutator> mutators) {
    public static final LoadedPolicies NONE = new LoadedPolicies(List.of(), List.of());

    public LoadedPolicies {
        policies = List.copyOf(policies);
        mutators = List.copyOf(mutators);
    }

    public static LoadedPolicies of(AdmissionPolicy... policies) {
        return new LoadedPolicies(List.of(policies), List.of());
    }

    public LoadedPolicies plus(LoadedPolicies other) {
        List<AdmissionPolicy> allPolicies = new ArrayList<>(policies);
        allPolicies.addAll(other.policies);
        List<AdmissionMutator> allMutators = new ArrayList<>(mutators);
        allMutators.addAll(other.mutators);
        return new LoadedPolicies(allPolicies, allMutators);
    }

    public boolean isEmpty() {
        return policies.isEmpty() && mutators.isEmpty();
    }
}
