package dev.assay.policy.hardening;

import java.util.List;
import java.util.stream.Stream;

/** Every rule of the cluster-hardening pack, in the order reports list them. The one table to extend. */
public final class HardeningChecks {
    private HardeningChecks() {}

    /** The rules over one object, for admission and for manifests. */
    public static List<HardeningCheck> objectChecks() {
        return List.of(
                new WildcardVerbsCheck(),
                new WildcardResourcesCheck(),
                new ClusterAdminBindingCheck(),
                new AnonymousBindingCheck(),
                SecretsReadCheck.clusterWide(),
                SecretsReadCheck.namespaceWide(),
                new EscalationVerbsCheck(),
                new PodExecCheck(),
                new NodeProxyCheck(),
                new RuntimeSocketMountCheck(),
                new PodTokenAutomountCheck(),
                new ServiceAccountTokenAutomountCheck(),
                new ResourceLimitsCheck(),
                new ResourceRequestsCheck(),
                new SecretDataCheck(),
                new SecretEnvLiteralCheck(),
                new DefaultNamespaceCheck());
    }

    /** The rules that need the whole manifest set. */
    public static List<ManifestSetCheck> setChecks() {
        return List.of(
                new WildcardRoleBindingCheck(),
                new DefaultDenyNetworkPolicyCheck(DefaultDenyNetworkPolicyCheck.Direction.INGRESS),
                new DefaultDenyNetworkPolicyCheck(DefaultDenyNetworkPolicyCheck.Direction.EGRESS));
    }

    /** Every rule id of the pack. */
    public static List<String> ids() {
        return Stream.concat(objectChecks().stream(), setChecks().stream())
                .map(HardeningRule::id)
                .toList();
    }
}
