package dev.assay.engine.admission;

import dev.assay.engine.admission.spi.LoadedPolicies;
import dev.assay.engine.admission.spi.PolicyDocument;
import dev.assay.engine.admission.spi.PolicyLoader;
import dev.assay.policy.admission.AdmissionPolicy;
import dev.assay.policy.cel.CelEnvironment;
import dev.assay.policy.document.PolicyDocuments;
import java.util.List;
import java.util.Set;

/** Reads {@code kind: Policy} documents: user policies whose validations are CEL expressions. */
final class CelPolicyLoader implements PolicyLoader {
    private final CelEnvironment environment = CelEnvironment.defaults();

    @Override
    public Set<String> kinds() {
        return Set.of(PolicyDocuments.KIND);
    }

    @Override
    public LoadedPolicies load(PolicyDocument document) {
        String content = document.contentAtFileLines();
        List<AdmissionPolicy> policies = List.copyOf(PolicyDocuments.parse(content, document.source(), environment));
        return new LoadedPolicies(policies, List.of());
    }
}
