package dev.assay.policy.hardening;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.assay.model.InvalidInputException;
import dev.assay.model.Severity;
import dev.assay.policy.RuleDescription;
import dev.assay.policy.admission.AdmissionInput;
import dev.assay.policy.admission.Enforcement;
import dev.assay.policy.admission.PolicyViolation;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HardeningPolicyTest {
    private static final String SECRET_AND_SOCKET = """
            apiVersion: v1
            kind: Secret
            metadata: {name: db, namespace: shop}
            data: {password: aHVudGVyMg==}
            ---
            apiVersion: v1
            kind: Pod
            metadata: {name: p, namespace: shop}
            spec:
              containers: [{name: app, image: nginx}]
              volumes: [{name: s, hostPath: {path: /var/run/docker.sock}}]
            """;

    private static AdmissionInput first(String yaml) {
        return HardeningFixtures.inputs(yaml, "test").get(0);
    }

    private static AdmissionInput second(String yaml) {
        return HardeningFixtures.inputs(yaml, "test").get(1);
    }

    @Test
    void review_defaultEnforcement_enforcesHighAndWarnsBelow() {
        List<PolicyViolation> violations = HardeningPolicy.forManifests().review(second(SECRET_AND_SOCKET));

        assertThat(violations).extracting(PolicyViolation::policy).containsOnly("cluster-hardening");
        assertThat(violations)
                .filteredOn(violation -> violation.rule().equals("runtime-socket-hostpath"))
                .singleElement()
                .satisfies(violation -> {
                    assertThat(violation.severity()).isEqualTo(Severity.CRITICAL);
                    assertThat(violation.enforcement()).isEqualTo(Enforcement.ENFORCE);
                });
        assertThat(violations)
                .filteredOn(violation -> violation.rule().equals("container-resource-limits"))
                .singleElement()
                .satisfies(violation -> assertThat(violation.enforcement()).isEqualTo(Enforcement.WARN));
    }

    @Test
    void review_enforcementOverrides_winOverSeverity() {
        HardeningPolicy policy = HardeningPolicy.forManifests()
                .withEnforcement(HardeningEnforcement.DEFAULT
                        .enforcingFrom(Severity.LOW)
                        .withEnforcement("runtime-socket-hostpath", Enforcement.AUDIT));

        List<PolicyViolation> violations = policy.review(second(SECRET_AND_SOCKET));

        assertThat(violations)
                .filteredOn(violation -> violation.rule().equals("runtime-socket-hostpath"))
                .extracting(PolicyViolation::enforcement)
                .containsExactly(Enforcement.AUDIT);
        assertThat(violations)
                .filteredOn(violation -> violation.rule().equals("container-resource-requests"))
                .extracting(PolicyViolation::enforcement)
                .containsExactly(Enforcement.ENFORCE);
    }

    @Test
    void forAdmission_leavesOutRulesAboutFiles() {
        AdmissionInput secret = first(SECRET_AND_SOCKET);

        assertThat(HardeningPolicy.forManifests().review(secret))
                .extracting(PolicyViolation::rule)
                .containsExactly("secret-in-manifest");
        assertThat(HardeningPolicy.forAdmission().appliesTo(secret)).isFalse();
        assertThat(HardeningPolicy.forAdmission().rules())
                .extracting(RuleDescription::rule)
                .doesNotContain("secret-in-manifest")
                .contains("runtime-socket-hostpath");
    }

    @Test
    void appliesTo_onlyCreateAndUpdateOfKindsItChecks() {
        HardeningPolicy policy = HardeningPolicy.forManifests();
        AdmissionInput pod = second(SECRET_AND_SOCKET);
        AdmissionInput delete = new AdmissionInput(
                "uid",
                AdmissionInput.Operation.DELETE,
                pod.kind(),
                "pods",
                "",
                "shop",
                "p",
                Map.of(),
                pod.object(),
                "alice",
                List.of(),
                false);
        AdmissionInput status = new AdmissionInput(
                "uid",
                AdmissionInput.Operation.UPDATE,
                pod.kind(),
                "pods",
                "status",
                "shop",
                "p",
                pod.object(),
                pod.object(),
                "alice",
                List.of(),
                false);
        AdmissionInput configMap = first("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\n");

        assertThat(policy.appliesTo(pod)).isTrue();
        assertThat(policy.appliesTo(delete)).isFalse();
        assertThat(policy.appliesTo(status)).isFalse();
        assertThat(policy.appliesTo(configMap)).isFalse();
    }

    @Test
    void review_admissionRequestNamespace_countsAsTheObjectsNamespace() {
        AdmissionInput manifest = first("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\n");
        AdmissionInput request = new AdmissionInput(
                "uid",
                AdmissionInput.Operation.CREATE,
                manifest.kind(),
                "configmaps",
                "",
                "default",
                "c",
                manifest.object(),
                Map.of(),
                "alice",
                List.of(),
                false);

        assertThat(HardeningPolicy.forAdmission().review(request))
                .extracting(PolicyViolation::message)
                .containsExactly("the object is created in namespace \"default\", the namespace every unscoped"
                        + " deployment shares");
    }

    @Test
    void review_jsonTypedValues_areReadLikeYamlText() {
        // JSON manifests load booleans as Boolean, YAML (failsafe schema) as text: both must mean the same.
        Map<String, Object> pod = Map.of(
                "apiVersion",
                "v1",
                "kind",
                "Pod",
                "metadata",
                Map.of("name", "p"),
                "spec",
                Map.of(
                        "automountServiceAccountToken",
                        false,
                        "containers",
                        List.of(Map.of(
                                "name", "app", "resources", Map.of("limits", Map.of("cpu", 1, "memory", "1Gi"))))));

        assertThat(HardeningPolicy.forManifests().review(AdmissionInput.ofManifest(pod)))
                .isEmpty();
    }

    @Test
    void without_unknownRule_isAnInputError() {
        assertThatThrownBy(() -> HardeningPolicy.forManifests().without(List.of("rbac-wildcard-verb")))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("rbac-wildcard-verb");
        assertThatThrownBy(() -> HardeningEnforcement.DEFAULT.withEnforcement("nope", Enforcement.WARN))
                .isInstanceOf(InvalidInputException.class);
    }

    @Test
    void without_knownRule_dropsIt() {
        HardeningPolicy policy = HardeningPolicy.forManifests()
                .without(List.of("container-resource-limits", "namespace-default-deny-ingress"));

        assertThat(policy.review(second(SECRET_AND_SOCKET)))
                .extracting(PolicyViolation::rule)
                .doesNotContain("container-resource-limits")
                .contains("runtime-socket-hostpath");
    }

    @Test
    void rules_describeEveryCheckWithTitleAndRemedy() {
        assertThat(HardeningPolicy.forManifests().rules())
                .hasSize(HardeningChecks.objectChecks().size());
        assertThat(HardeningSetPolicy.defaults().rules())
                .hasSize(HardeningChecks.setChecks().size());
        assertThat(HardeningChecks.ids()).doesNotHaveDuplicates().allMatch(id -> id.matches("[a-z0-9]+(-[a-z0-9]+)*"));
        for (RuleDescription rule : HardeningPolicy.forManifests().rules()) {
            assertThat(rule.title()).isNotBlank();
            assertThat(rule.remediation()).isNotBlank();
        }
    }

    @Test
    void review_mistypedFields_reportWhatTheyCanAndNeverThrow() {
        String mistyped = """
                apiVersion: rbac.authorization.k8s.io/v1
                kind: ClusterRole
                metadata: nonsense
                rules: "*"
                ---
                apiVersion: rbac.authorization.k8s.io/v1
                kind: ClusterRoleBinding
                metadata: {name: b}
                roleRef: [cluster-admin]
                subjects: {kind: ServiceAccount}
                ---
                apiVersion: v1
                kind: Pod
                metadata: {name: p}
                spec:
                  containers: [just-a-string, {name: x, env: "DB_PASSWORD=1", resources: []}]
                  volumes: [{name: v, hostPath: [/var/run/docker.sock]}]
                ---
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: d}
                spec: {template: []}
                ---
                apiVersion: networking.k8s.io/v1
                kind: NetworkPolicy
                metadata: {name: n, namespace: shop}
                spec: {podSelector: [], policyTypes: Ingress, ingress: [null, 3]}
                """;

        List<PolicyViolation> violations = HardeningFixtures.review(mistyped);

        assertThat(violations).extracting(PolicyViolation::rule).contains("container-resource-limits");
    }
}
