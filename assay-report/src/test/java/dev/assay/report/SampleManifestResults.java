package dev.assay.report;

import dev.assay.model.Severity;
import java.util.List;

/** Manifest-scan results for the writer tests: a realistic one, an empty one and one full of hostile text. */
final class SampleManifestResults {
    private SampleManifestResults() {}

    static ManifestScanResult realistic() {
        ManifestResource deployment = new ManifestResource(
                "deploy/rendered.yaml",
                2,
                0,
                31,
                "shop/templates/deployment.yaml",
                "apps/v1",
                "Deployment",
                "shop",
                "web",
                List.of(
                        new ManifestFinding(
                                "pod-security-restricted",
                                "runAsNonRoot",
                                Severity.MEDIUM,
                                "warn",
                                "pod or container \"web\" must set securityContext.runAsNonRoot=true"),
                        new ManifestFinding(
                                "cluster-hardening",
                                "runtime-socket-hostpath",
                                Severity.CRITICAL,
                                "enforce",
                                "spec.template.spec.volumes[0] (\"docker\") hostPath.path /var/run/docker.sock is the"
                                        + " Docker socket: full control of the node's containers")));
        ManifestResource binding = new ManifestResource(
                "deploy/rbac.yaml",
                1,
                0,
                1,
                "",
                "rbac.authorization.k8s.io/v1",
                "ClusterRoleBinding",
                "",
                "ci-admin",
                List.of(new ManifestFinding(
                        "cluster-hardening",
                        "rbac-cluster-admin-service-account",
                        Severity.CRITICAL,
                        "enforce",
                        "roleRef is ClusterRole \"cluster-admin\" and subjects[0] is ServiceAccount ci/deployer: every"
                                + " pod running as it has control of the whole cluster")));
        ManifestResource listItem = new ManifestResource(
                "cluster.json",
                1,
                2,
                40,
                "",
                "v1",
                "ServiceAccount",
                "shop",
                "web",
                List.of(new ManifestFinding(
                        "cluster-hardening",
                        "service-account-token-automount",
                        Severity.LOW,
                        "warn",
                        "automountServiceAccountToken is not false")));
        ManifestResource clean = new ManifestResource(
                "deploy/rendered.yaml",
                1,
                0,
                3,
                "shop/templates/service.yaml",
                "v1",
                "Service",
                "shop",
                "web",
                List.of());
        return new ManifestScanResult(
                List.of("pod-security-restricted", "cluster-hardening"),
                3,
                List.of(clean, deployment, binding, listItem),
                List.of(new ManifestIssue(
                        "deploy/broken.yaml", 2, 9, "not valid YAML: mapping values are not allowed")),
                List.of(new ManifestIssue(
                        "chart/values.yaml", 1, 1, "not a Kubernetes object (no apiVersion or kind)")),
                List.of(),
                List.of(new ManifestRule(
                        "cluster-hardening",
                        "runtime-socket-hostpath",
                        Severity.CRITICAL,
                        "Container runtime socket mounted from the host",
                        "Remove the hostPath volume.",
                        "")));
    }

    static ManifestScanResult empty() {
        return new ManifestScanResult(
                List.of("cluster-hardening"), 0, List.of(), List.of(), List.of(), List.of(), List.of());
    }

    /** Names and messages carrying escape sequences, line breaks and bidi overrides, as a hostile manifest can. */
    static ManifestScanResult hostile() {
        ManifestResource pod = new ManifestResource(
                "evil\u001B[2J.yaml",
                1,
                0,
                1,
                "templates/\npod.yaml",
                "v1",
                "Pod",
                "ns\u202Eevil",
                "pod\r\nFAKE LINE",
                List.of(new ManifestFinding(
                        "cluster-hardening",
                        "secret-env-literal",
                        Severity.HIGH,
                        "enforce",
                        "container \"\u001B]0;title\u0007x\" env[0] (A\nB) has a literal value")));
        return new ManifestScanResult(
                List.of("cluster-hardening"),
                1,
                List.of(pod),
                List.of(new ManifestIssue("x\u001B[31m.yaml", 1, 1, "bad\nline")),
                List.of(),
                List.of(new ManifestIssue("y.yaml", 1, 1, "registry unreachable")),
                List.of());
    }
}
