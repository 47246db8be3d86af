package dev.assay.policy.hardening;

import dev.assay.policy.AnchoredViolation;
import dev.assay.policy.ManifestSetPolicy;
import dev.assay.policy.RuleCatalog;
import dev.assay.policy.RuleDescription;
import dev.assay.policy.admission.AdmissionInput;
import dev.assay.policy.admission.PolicyViolation;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * The cluster-hardening rules that need the whole manifest set (namespaces without a default-deny
 * NetworkPolicy, wildcard roles bound in another document), under the same policy name and enforcement as
 * {@link HardeningPolicy}.
 */
public final class HardeningSetPolicy implements ManifestSetPolicy, RuleCatalog {
    private final List<ManifestSetCheck> checks;
    private final HardeningEnforcement enforcement;

    private HardeningSetPolicy(List<ManifestSetCheck> checks, HardeningEnforcement enforcement) {
        this.checks = List.copyOf(checks);
        this.enforcement = Objects.requireNonNull(enforcement, "enforcement");
    }

    public static HardeningSetPolicy defaults() {
        return new HardeningSetPolicy(HardeningChecks.setChecks(), HardeningEnforcement.DEFAULT);
    }

    public HardeningSetPolicy withEnforcement(HardeningEnforcement changed) {
        return new HardeningSetPolicy(checks, changed);
    }

    /** This policy without the rules named; ids of the per-object rules are ignored here. */
    public HardeningSetPolicy without(Collection<String> ruleIds) {
        return new HardeningSetPolicy(
                checks.stream().filter(check -> !ruleIds.contains(check.id())).toList(), enforcement);
    }

    @Override
    public String name() {
        return HardeningPolicy.NAME;
    }

    @Override
    public List<AnchoredViolation> review(List<AdmissionInput> objects) {
        List<KubeObject> kubeObjects = objects.stream().map(KubeObject::of).toList();
        List<AnchoredViolation> violations = new ArrayList<>();
        for (ManifestSetCheck check : checks) {
            for (ManifestSetCheck.Anchored anchored : check.check(kubeObjects)) {
                violations.add(new AnchoredViolation(
                        anchored.index(),
                        new PolicyViolation(
                                HardeningPolicy.NAME,
                                check.id(),
                                enforcement.of(check),
                                check.severity(),
                                anchored.message())));
            }
        }
        return List.copyOf(violations);
    }

    @Override
    public List<RuleDescription> rules() {
        return checks.stream().map(HardeningPolicy::describe).toList();
    }
}
