package dev.assay.policy.hardening;

import dev.assay.model.InvalidInputException;
import dev.assay.policy.RuleCatalog;
import dev.assay.policy.RuleDescription;
import dev.assay.policy.Violation;
import dev.assay.policy.admission.AdmissionInput;
import dev.assay.policy.admission.AdmissionPolicy;
import dev.assay.policy.admission.PolicyViolation;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The cluster-hardening pack's per-object rules as an admission policy: RBAC roles and bindings, pods and
 * the pod templates of workloads, ServiceAccounts, Secrets and PersistentVolumes. The webhook uses {@link
 * #forAdmission()}, {@code assay scan k8s} {@link #forManifests()}; both run the same checks, except that
 * rules about files ({@link HardeningCheck#manifestOnly()}) make no sense for objects sent to the API server.
 * Enforcement follows {@link HardeningEnforcement}.
 */
public final class HardeningPolicy implements AdmissionPolicy, RuleCatalog {
    public static final String NAME = "cluster-hardening";

    private final List<HardeningCheck> checks;
    private final HardeningEnforcement enforcement;

    private HardeningPolicy(List<HardeningCheck> checks, HardeningEnforcement enforcement) {
        this.checks = List.copyOf(checks);
        this.enforcement = Objects.requireNonNull(enforcement, "enforcement");
    }

    /** Every rule, for manifest files. */
    public static HardeningPolicy forManifests() {
        return new HardeningPolicy(HardeningChecks.objectChecks(), HardeningEnforcement.DEFAULT);
    }

    /** The rules that apply to objects the API server receives. */
    public static HardeningPolicy forAdmission() {
        return new HardeningPolicy(
                HardeningChecks.objectChecks().stream()
                        .filter(check -> !check.manifestOnly())
                        .toList(),
                HardeningEnforcement.DEFAULT);
    }

    public HardeningPolicy withEnforcement(HardeningEnforcement changed) {
        return new HardeningPolicy(checks, changed);
    }

    /**
     * This policy without the rules named; an id the pack does not have is an input error, so that a typo
     * never silently keeps a rule on.
     */
    public HardeningPolicy without(Collection<String> ruleIds) {
        Set<String> skipped = Set.copyOf(ruleIds);
        for (String id : skipped) {
            if (!HardeningChecks.ids().contains(id)) {
                throw new InvalidInputException(
                        "unknown cluster-hardening rule '" + id + "'; known: "
                                + String.join(", ", HardeningChecks.ids()),
                        id);
            }
        }
        return new HardeningPolicy(
                checks.stream().filter(check -> !skipped.contains(check.id())).toList(), enforcement);
    }

    public List<HardeningCheck> checks() {
        return checks;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean appliesTo(AdmissionInput input) {
        if (input.operation() != AdmissionInput.Operation.CREATE
                && input.operation() != AdmissionInput.Operation.UPDATE) {
            return false;
        }
        if (!input.subResource().isEmpty()) {
            return false;
        }
        KubeObject object = KubeObject.of(input);
        return checks.stream().anyMatch(check -> check.appliesTo(object));
    }

    @Override
    public List<PolicyViolation> review(AdmissionInput input) {
        KubeObject object = KubeObject.of(input);
        List<PolicyViolation> violations = new ArrayList<>();
        for (HardeningCheck check : checks) {
            if (!check.appliesTo(object)) {
                continue;
            }
            for (Violation violation : check.check(object)) {
                violations.add(new PolicyViolation(
                        NAME, violation.check(), enforcement.of(check), check.severity(), violation.message()));
            }
        }
        return List.copyOf(violations);
    }

    @Override
    public List<RuleDescription> rules() {
        return checks.stream().map(HardeningPolicy::describe).toList();
    }

    static RuleDescription describe(HardeningRule rule) {
        return new RuleDescription(NAME, rule.id(), rule.severity(), rule.title(), rule.remediation(), "");
    }
}
