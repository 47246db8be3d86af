package dev.assay.policy.pss;

import static org.assertj.core.api.Assertions.assertThat;

import dev.assay.model.untrusted.SafeYaml;
import dev.assay.policy.admission.AdmissionInput;
import dev.assay.policy.admission.Enforcement;
import dev.assay.policy.admission.PolicyViolation;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PodSecurityPolicyTest {
    private final PodSecurityPolicy restricted = new PodSecurityPolicy(Level.RESTRICTED, PolicyVersion.LATEST, false);

    @SuppressWarnings("unchecked")
    private static AdmissionInput manifest(String yaml) {
        return AdmissionInput.ofManifest(
                (Map<String, Object>) SafeYaml.loadAll(yaml, "test").get(0));
    }

    @Test
    void deniesAPodThatBreaksTheLevel() {
        AdmissionInput pod = manifest("""
                apiVersion: v1
                kind: Pod
                metadata: {name: p}
                spec:
                  containers: [{name: app, image: nginx, securityContext: {privileged: true}}]
                """);
        assertThat(restricted.appliesTo(pod)).isTrue();
        List<PolicyViolation> violations = restricted.review(pod);
        assertThat(violations).extracting(PolicyViolation::rule).contains("privileged", "allowPrivilegeEscalation");
        assertThat(violations).allMatch(v -> v.enforcement() == Enforcement.ENFORCE);
        assertThat(restricted.label()).isEqualTo("restricted:latest");
    }

    @Test
    void warnsForAWorkloadTemplateLikePodSecurityAdmission() {
        AdmissionInput deployment = manifest("""
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: d}
                spec:
                  template:
                    spec:
                      containers: [{name: app, image: nginx}]
                """);
        assertThat(restricted.review(deployment)).isNotEmpty().allMatch(v -> v.enforcement() == Enforcement.WARN);
        assertThat(new PodSecurityPolicy(Level.RESTRICTED, PolicyVersion.LATEST, true).review(deployment))
                .allMatch(v -> v.enforcement() == Enforcement.ENFORCE);
    }

    @Test
    void passesACompliantPodAndIgnoresOtherKinds() {
        AdmissionInput pod = manifest("""
                apiVersion: v1
                kind: Pod
                metadata: {name: p}
                spec:
                  securityContext: {runAsNonRoot: true, seccompProfile: {type: RuntimeDefault}}
                  containers:
                  - name: app
                    image: nginx
                    securityContext: {allowPrivilegeEscalation: false, capabilities: {drop: [ALL]}}
                """);
        assertThat(restricted.review(pod)).isEmpty();
        assertThat(restricted.appliesTo(manifest("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\n")))
                .isFalse();
    }
}
