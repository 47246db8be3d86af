package dev.assay.policy.pss;

import dev.assay.policy.Violation;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Evaluates a pod against a Pod Security level at a policy version, as pod-security-admission does. */
public final class PodSecurity {
    /**
     * Every check of the pack in the order PSA reports them: baseline checks, then restricted ones, each
     * group sorted by id (PSA sorts the ids "to maintain consistent error messages").
     */
    public static final List<PodSecurityCheck> CHECKS = List.of(
                    new AppArmorCheck(),
                    new CapabilitiesBaselineCheck(),
                    new HostNamespacesCheck(),
                    new HostPathVolumesCheck(),
                    new HostPortsCheck(),
                    new HostProbesAndLifecycleCheck(),
                    new PrivilegedContainersCheck(),
                    new ProcMountCheck(),
                    new SeLinuxOptionsCheck(),
                    new SeccompBaselineCheck(),
                    new SysctlsCheck(),
                    new WindowsHostProcessCheck(),
                    new AllowPrivilegeEscalationCheck(),
                    new CapabilitiesRestrictedCheck(),
                    new ProcMountRestrictedCheck(),
                    new RestrictedVolumesCheck(),
                    new RunAsNonRootCheck(),
                    new RunAsUserCheck(),
                    new SeccompRestrictedCheck())
            .stream()
            .sorted(Comparator.comparing(PodSecurityCheck::level).thenComparing(PodSecurityCheck::id, Wording.GO_ORDER))
            .toList();

    private PodSecurity() {}

    /** The checks PSA runs for this level and version, in its reporting order, overridden ones left out. */
    public static List<PodSecurityCheck> checks(Level level, PolicyVersion version) {
        List<PodSecurityCheck> applicable =
                CHECKS.stream().filter(check -> check.appliesTo(level, version)).toList();
        Set<String> overridden = new HashSet<>();
        applicable.forEach(check -> overridden.addAll(check.overrides()));
        return applicable.stream()
                .filter(check -> !overridden.contains(check.id()))
                .toList();
    }

    /** Every check that forbids the pod, each with PSA's reason and detail. */
    public static List<PodSecurityViolation> violations(Level level, PolicyVersion version, PodInput pod) {
        List<PodSecurityViolation> violations = new ArrayList<>();
        for (PodSecurityCheck check : checks(level, version)) {
            check.evaluate(version, pod).ifPresent(violations::add);
        }
        return List.copyOf(violations);
    }

    /** {@link #violations} as generic policy violations, each message {@code reason (detail)}. */
    public static List<Violation> evaluate(Level level, PolicyVersion version, PodInput pod) {
        return violations(level, version, pod).stream()
                .map(PodSecurityViolation::toViolation)
                .toList();
    }

    /**
     * PSA's aggregate wording of a denial: {@code reason (detail), reason (detail)}, the text after
     * {@code violates PodSecurity "restricted:latest": }.
     */
    public static String aggregate(List<PodSecurityViolation> violations) {
        return String.join(
                ", ", violations.stream().map(PodSecurityViolation::message).toList());
    }
}
