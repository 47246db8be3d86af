package dev.assay.policy.pss;

import dev.assay.model.Severity;
import dev.assay.policy.admission.AdmissionInput;
import dev.assay.policy.admission.AdmissionPolicy;
import dev.assay.policy.admission.Enforcement;
import dev.assay.policy.admission.PolicyViolation;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Pod Security Standards as an admission policy, with pod-security-admission's split: a Pod that breaks
 * the level is denied, a workload whose pod template breaks it is admitted with a warning (its pods will
 * be denied when the controller creates them), unless {@code enforceWorkloads} asks for denial.
 */
public final class PodSecurityPolicy implements AdmissionPolicy {
    private static final Set<String> WORKLOADS =
            Set.of("Deployment", "ReplicaSet", "StatefulSet", "DaemonSet", "Job", "CronJob", "ReplicationController");

    private final Level level;
    private final PolicyVersion version;
    private final boolean enforceWorkloads;

    public PodSecurityPolicy(Level level, PolicyVersion version, boolean enforceWorkloads) {
        this.level = level;
        this.version = version;
        this.enforceWorkloads = enforceWorkloads;
    }

    @Override
    public String name() {
        return "pod-security-" + level.name().toLowerCase(Locale.ROOT);
    }

    /** PSA's label for the level and version: {@code restricted:latest}, {@code baseline:v1.29}. */
    public String label() {
        return level.name().toLowerCase(Locale.ROOT) + ":"
                + (version.equals(PolicyVersion.LATEST) ? "latest" : version.toString());
    }

    /** As pod-security-admission words it: {@code violates PodSecurity "restricted:latest": reason (detail), ...}. */
    @Override
    public String denialMessage(List<PolicyViolation> violations) {
        return "violates PodSecurity \"" + label() + "\": " + joined(violations);
    }

    /** As pod-security-admission warns for workloads: {@code would violate PodSecurity "restricted:latest": ...}. */
    @Override
    public String warningMessage(List<PolicyViolation> violations) {
        return "would violate PodSecurity \"" + label() + "\": " + joined(violations);
    }

    private static String joined(List<PolicyViolation> violations) {
        return String.join(
                ", ", violations.stream().map(PolicyViolation::message).toList());
    }

    @Override
    public boolean appliesTo(AdmissionInput input) {
        if (input.operation() != AdmissionInput.Operation.CREATE
                && input.operation() != AdmissionInput.Operation.UPDATE) {
            return false;
        }
        String kind = input.kind().kind();
        if ("Pod".equals(kind) && input.kind().group().isEmpty()) {
            // PSA looks at the pod itself and at ephemeral containers being added; other subresources
            // (status, binding, exec) cannot change what the pod runs.
            return input.subResource().isEmpty() || "ephemeralcontainers".equals(input.subResource());
        }
        return WORKLOADS.contains(kind) && input.subResource().isEmpty();
    }

    @Override
    public List<PolicyViolation> review(AdmissionInput input) {
        String source = input.name().isEmpty() ? input.kind().kind() : input.name();
        PodInput pod = PodDocuments.podOf(input.object(), source);
        boolean isPod = "Pod".equals(input.kind().kind());
        Enforcement enforcement = isPod || enforceWorkloads ? Enforcement.ENFORCE : Enforcement.WARN;
        List<PolicyViolation> violations = new ArrayList<>();
        for (PodSecurityViolation violation : PodSecurity.violations(level, version, pod)) {
            violations.add(new PolicyViolation(
                    name(), violation.check(), enforcement, severityOf(violation.check()), violation.message()));
        }
        return List.copyOf(violations);
    }

    private static Severity severityOf(String checkId) {
        for (PodSecurityCheck check : PodSecurity.CHECKS) {
            if (check.id().equals(checkId)) {
                return check.level() == Level.BASELINE ? Severity.HIGH : Severity.MEDIUM;
            }
        }
        return Severity.MEDIUM;
    }
}
