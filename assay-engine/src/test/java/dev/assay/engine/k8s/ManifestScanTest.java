package dev.assay.engine.k8s;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.assay.model.InvalidInputException;
import dev.assay.model.NoVerdictException;
import dev.assay.model.Severity;
import dev.assay.policy.admission.AdmissionInput;
import dev.assay.policy.admission.AdmissionPolicy;
import dev.assay.policy.admission.Enforcement;
import dev.assay.policy.admission.PolicyViolation;
import dev.assay.policy.pss.Level;
import dev.assay.policy.pss.PolicyVersion;
import dev.assay.report.ManifestFinding;
import dev.assay.report.ManifestIssue;
import dev.assay.report.ManifestResource;
import dev.assay.report.ManifestRule;
import dev.assay.report.ManifestScanResult;
import dev.assay.testkit.Fixtures;
import java.util.List;
import org.junit.jupiter.api.Test;

class ManifestScanTest {
    private static final ManifestScan RESTRICTED = ManifestScan.builtIn(Level.RESTRICTED, PolicyVersion.LATEST);

    private static ManifestSet fixture(String name) {
        return ManifestReader.withDefaults()
                .read(List.of(
                        new ManifestSource.FileOrDirectory(Fixtures.path(ManifestScanTest.class, "k8s/" + name))));
    }

    private static ManifestResource resource(ManifestScanResult result, String kind, String name) {
        return result.resources().stream()
                .filter(resource ->
                        resource.kind().equals(kind) && resource.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + kind + " " + name));
    }

    private static List<String> rules(ManifestResource resource) {
        return resource.findings().stream().map(ManifestFinding::ruleId).toList();
    }

    @Test
    void helmChart_findingsOfBothPacksOnEachObject() {
        ManifestScanResult result = RESTRICTED.scan(fixture("helm-rendered.yaml"));

        assertThat(result.policies()).containsExactly("pod-security-restricted", "cluster-hardening");
        ManifestResource deployment = resource(result, "Deployment", "shop-web");
        assertThat(deployment.line()).isEqualTo(51);
        assertThat(deployment.source()).isEqualTo("shop/templates/deployment.yaml");
        assertThat(rules(deployment))
                .contains(
                        "cluster-hardening/runtime-socket-hostpath",
                        "cluster-hardening/secret-env-literal",
                        "cluster-hardening/pod-service-account-token-automount",
                        "pod-security-restricted/restrictedVolumes",
                        "pod-security-restricted/runAsNonRoot")
                .doesNotContain("cluster-hardening/container-resource-limits");
        assertThat(deployment.findings().getFirst().ruleId()).isEqualTo("cluster-hardening/runtime-socket-hostpath");
        // pod-security-admission warns about workload templates; the scan reports them as findings.
        assertThat(deployment.findings())
                .filteredOn(finding -> finding.policy().equals("pod-security-restricted"))
                .extracting(ManifestFinding::enforcement)
                .containsOnly("warn");
        assertThat(resource(result, "Pod", "shop-web-test-connection").findings())
                .filteredOn(finding -> finding.policy().equals("pod-security-restricted"))
                .extracting(ManifestFinding::enforcement)
                .containsOnly("enforce");
        assertThat(rules(resource(result, "Secret", "shop-web-db")))
                .containsExactly("cluster-hardening/secret-in-manifest");
        assertThat(resource(result, "Service", "shop-web").findings()).isEmpty();
        assertThat(result.errors()).isEmpty();
        assertThat(result.rules())
                .extracting(ManifestRule::id)
                .contains("cluster-hardening/runtime-socket-hostpath", "pod-security-restricted/runAsNonRoot");
    }

    @Test
    void kustomizeOutput_crossDocumentRulesLandOnTheRightObjects() {
        ManifestScanResult result = RESTRICTED.scan(fixture("kustomize-build.yaml"));

        assertThat(rules(resource(result, "ClusterRoleBinding", "prod-payments-operator")))
                .containsExactly("cluster-hardening/rbac-wildcard-role-service-account");
        assertThat(rules(resource(result, "ClusterRole", "prod-payments-operator")))
                .containsExactlyInAnyOrder(
                        "cluster-hardening/rbac-wildcard-verbs", "cluster-hardening/rbac-wildcard-resources");
        // The namespace has a default-deny ingress policy but none for egress.
        assertThat(rules(resource(result, "Namespace", "payments-prod")))
                .containsExactly("cluster-hardening/namespace-default-deny-egress");
        assertThat(resource(result, "Deployment", "prod-payments").findings()).isEmpty();
        assertThat(rules(resource(result, "ServiceAccount", "prod-payments")))
                .containsExactly("cluster-hardening/service-account-token-automount");
    }

    @Test
    void jsonList_findingsPointAtTheirItems() {
        ManifestScanResult result = RESTRICTED.scan(fixture("list.json"));

        ManifestResource binding = resource(result, "ClusterRoleBinding", "builder-admin");
        assertThat(binding.item()).isEqualTo(2);
        assertThat(binding.line()).isEqualTo(14);
        assertThat(binding.findings()).singleElement().satisfies(finding -> {
            assertThat(finding.rule()).isEqualTo("rbac-cluster-admin-service-account");
            assertThat(finding.severity()).isEqualTo(Severity.CRITICAL);
            assertThat(finding.enforcement()).isEqualTo("enforce");
        });
        assertThat(rules(resource(result, "Pod", "builder"))).contains("pod-security-restricted/privileged");
        assertThat(result.findingsAtOrAbove(Severity.CRITICAL)).hasSize(1);
    }

    @Test
    void objectAPolicyCannotJudge_isAnErrorNamingFileAndDocument() {
        ManifestSet set = ManifestReaderTest.content(
                "odd.yaml",
                "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: ok}\n---\n"
                        + "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: no-template}\nspec: {replicas: 1}\n");

        ManifestScanResult result = RESTRICTED.scan(set);

        assertThat(result.errors()).singleElement().satisfies(error -> {
            assertThat(error.file()).isEqualTo("odd.yaml");
            assertThat(error.document()).isEqualTo(2);
            assertThat(error.line()).isEqualTo(5);
            assertThat(error.message()).startsWith("pod-security-restricted cannot judge it: ");
        });
        assertThat(result.resources()).hasSize(2);
    }

    @Test
    void extraPolicies_runAfterTheBuiltInOnesAndNoVerdictIsNeverClean() {
        AdmissionPolicy images = new AdmissionPolicy() {
            @Override
            public String name() {
                return "image-supply-chain";
            }

            @Override
            public boolean appliesTo(AdmissionInput input) {
                return input.kind().kind().equals("Pod");
            }

            @Override
            public List<PolicyViolation> review(AdmissionInput input) {
                if (input.name().equals("shop-web-test-connection")) {
                    throw new NoVerdictException("registry.example.com is unreachable", "busybox", "", null);
                }
                return List.of(new PolicyViolation(
                        name(), "digest", Enforcement.ENFORCE, Severity.HIGH, "image is not pinned by digest"));
            }
        };

        ManifestScanResult result = RESTRICTED.withPolicies(List.of(images)).scan(fixture("helm-rendered.yaml"));

        assertThat(result.policies())
                .containsExactly("pod-security-restricted", "cluster-hardening", "image-supply-chain");
        assertThat(result.undecided())
                .extracting(ManifestIssue::message)
                .containsExactly("image-supply-chain reached no verdict: registry.example.com is unreachable");
        assertThat(rules(resource(result, "Pod", "shop-web-test-connection")))
                .doesNotContain("image-supply-chain/digest")
                .contains("pod-security-restricted/runAsNonRoot");
    }

    @Test
    void withoutRules_dropsNamedRulesAndRejectsUnknownOnes() {
        ManifestScan scan =
                RESTRICTED.withoutRules(List.of("runtime-socket-hostpath", "pod-security-restricted/runAsNonRoot"));

        List<String> rules = rules(resource(scan.scan(fixture("helm-rendered.yaml")), "Deployment", "shop-web"));

        assertThat(rules)
                .doesNotContain("cluster-hardening/runtime-socket-hostpath", "pod-security-restricted/runAsNonRoot")
                .contains("pod-security-restricted/restrictedVolumes");
        assertThatThrownBy(() -> RESTRICTED.withoutRules(List.of("runtime-socket")))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("unknown rule 'runtime-socket'");
    }

    @Test
    void baselineLevel_leavesRestrictedChecksOut() {
        ManifestScanResult result =
                ManifestScan.builtIn(Level.BASELINE, PolicyVersion.of(29)).scan(fixture("helm-rendered.yaml"));

        assertThat(result.policies()).first().isEqualTo("pod-security-baseline");
        assertThat(rules(resource(result, "Deployment", "shop-web")))
                .contains("pod-security-baseline/hostPathVolumes")
                .doesNotContain("pod-security-baseline/runAsNonRoot");
    }
}
