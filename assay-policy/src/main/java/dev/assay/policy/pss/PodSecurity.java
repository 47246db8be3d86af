package dev.assay.policy.pss;

import dev.assay.policy.Violation;
import java.util.ArrayList;
import java.util.List;

/** Evaluates a pod against a Pod Security level at a policy version, as pod-security-admission does. */
public final class PodSecurity {
    /** Every check of the pack, baseline first, in the order PSA reports them. */
    public static final List<PodSecurityCheck> CHECKS = List.of(
            new PrivilegedContainersCheck(),
            new HostNamespacesCheck(),
            new HostPortsCheck(),
            new HostPathVolumesCheck(),
            new CapabilitiesBaselineCheck(),
            new AppArmorCheck(),
            new SeLinuxOptionsCheck(),
            new ProcMountCheck(),
            new SeccompBaselineCheck(),
            new SysctlsCheck(),
            new WindowsHostProcessCheck(),
            new HostProbesAndLifecycleCheck(),
            new RestrictedVolumesCheck(),
            new AllowPrivilegeEscalationCheck(),
            new RunAsNonRootCheck(),
            new RunAsUserCheck(),
            new SeccompRestrictedCheck(),
            new CapabilitiesRestrictedCheck(),
            new ProcMountRestrictedCheck());

    private PodSecurity() {}

    public static List<Violation> evaluate(Level level, PolicyVersion version, PodInput pod) {
        List<Violation> violations = new ArrayList<>();
        for (PodSecurityCheck check : CHECKS) {
            if (check.appliesTo(level, version)) {
                violations.addAll(check.check(version, pod));
            }
        }
        return List.copyOf(violations);
    }
}
