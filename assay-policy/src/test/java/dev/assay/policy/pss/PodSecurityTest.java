package dev.assay.policy.pss;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.assay.model.InvalidInputException;
import dev.assay.policy.Violation;
import java.util.List;
import org.junit.jupiter.api.Test;

class PodSecurityTest {
    private static final String PRIVILEGED_CONTAINER = """
            containers:
            - name: app
              image: pause
              securityContext:
                privileged: true
            """;

    private static List<Violation> evaluate(Level level, String version, String manifest) {
        List<PodInput> pods = PodDocuments.parse(manifest, "test.yaml");
        assertThat(pods).hasSize(1);
        return PodSecurity.evaluate(level, PolicyVersion.parse(version), pods.get(0));
    }

    private static String indent(String text, int spaces) {
        return text.indent(spaces);
    }

    @Test
    void evaluate_deploymentTemplate_checksThePodTemplate() {
        String deployment =
                "kind: Deployment\nspec:\n  template:\n    metadata: {}\n    spec:\n" + indent(PRIVILEGED_CONTAINER, 6);

        assertThat(evaluate(Level.BASELINE, "latest", deployment))
                .extracting(Violation::check)
                .containsExactly("privileged");
    }

    @Test
    void evaluate_cronJobTemplate_checksTheJobPodTemplate() {
        String cronJob = "kind: CronJob\nspec:\n  jobTemplate:\n    spec:\n      template:\n        spec:\n"
                + indent(PRIVILEGED_CONTAINER, 10);

        assertThat(evaluate(Level.BASELINE, "v1.37", cronJob))
                .extracting(Violation::check)
                .containsExactly("privileged");
    }

    @Test
    void evaluate_everyWorkloadKind_isAccepted() {
        for (String kind : List.of("ReplicaSet", "StatefulSet", "DaemonSet", "Job", "ReplicationController")) {
            String workload = "kind: " + kind + "\nspec:\n  template:\n    spec:\n" + indent(PRIVILEGED_CONTAINER, 6);

            assertThat(evaluate(Level.BASELINE, "latest", workload))
                    .as(kind)
                    .extracting(Violation::check)
                    .containsExactly("privileged");
        }
    }

    @Test
    void evaluate_sysctlAddedInLaterVersion_dependsOnVersion() {
        String pod = """
                kind: Pod
                spec:
                  securityContext:
                    sysctls:
                    - name: net.ipv4.tcp_keepalive_time
                      value: "7200"
                  containers: []
                """;

        assertThat(evaluate(Level.BASELINE, "v1.28", pod))
                .extracting(Violation::check)
                .containsExactly("sysctls");
        assertThat(evaluate(Level.BASELINE, "v1.29", pod)).isEmpty();
    }

    @Test
    void evaluate_restrictedCheckAtBaseline_doesNotApply() {
        String pod = "kind: Pod\nspec:\n  containers:\n  - name: app\n    image: pause\n";

        assertThat(evaluate(Level.BASELINE, "latest", pod)).isEmpty();
        assertThat(evaluate(Level.RESTRICTED, "latest", pod))
                .extracting(Violation::check)
                .containsExactlyInAnyOrder(
                        "allowPrivilegeEscalation",
                        "runAsNonRoot",
                        "seccompProfile_restricted",
                        "capabilities_restricted");
        assertThat(evaluate(Level.RESTRICTED, "v1.7", pod))
                .extracting(Violation::check)
                .containsExactly("runAsNonRoot");
    }

    @Test
    void evaluate_probeHost_onlyFromV134() {
        String pod = """
                kind: Pod
                spec:
                  containers:
                  - name: app
                    image: pause
                    livenessProbe:
                      httpGet:
                        host: 10.0.0.1
                        port: 80
                """;

        assertThat(evaluate(Level.BASELINE, "v1.33", pod)).isEmpty();
        assertThat(evaluate(Level.BASELINE, "v1.34", pod))
                .extracting(Violation::check)
                .containsExactly("hostProbesAndHostLifecycle");
    }

    @Test
    void evaluate_unmaskedProcInUserNamespace_baselineFromV135ButNeverRestricted() {
        String pod = """
                kind: Pod
                spec:
                  hostUsers: false
                  containers:
                  - name: app
                    image: pause
                    securityContext:
                      procMount: Unmasked
                """;

        assertThat(evaluate(Level.BASELINE, "v1.34", pod))
                .extracting(Violation::check)
                .containsExactly("procMount");
        assertThat(evaluate(Level.BASELINE, "v1.35", pod)).isEmpty();
        assertThat(evaluate(Level.RESTRICTED, "v1.35", pod))
                .extracting(Violation::check)
                .contains("procMount_restricted")
                .doesNotContain("procMount", "runAsNonRoot");
    }

    @Test
    void evaluate_plainPodAtRestricted_isWordedAsKubectlShowsIt() {
        String pod = "kind: Pod\nmetadata: {name: x}\nspec:\n  containers:\n  - name: x\n    image: nginx\n";
        PodInput input = PodDocuments.parse(pod, "test.yaml").get(0);

        String message = new PodSecurityPolicy(Level.RESTRICTED, PolicyVersion.LATEST, false)
                .denialMessage(new PodSecurityPolicy(Level.RESTRICTED, PolicyVersion.LATEST, false)
                        .review(dev.assay.policy.admission.AdmissionInput.ofManifest(asMap(pod))));

        assertThat(PodSecurity.aggregate(PodSecurity.violations(Level.RESTRICTED, PolicyVersion.LATEST, input)))
                .isEqualTo(KUBECTL_RESTRICTED_MESSAGE);
        assertThat(message).isEqualTo("violates PodSecurity \"restricted:latest\": " + KUBECTL_RESTRICTED_MESSAGE);
    }

    /** What the API server answers for a bare nginx pod in a restricted namespace. */
    private static final String KUBECTL_RESTRICTED_MESSAGE =
            "allowPrivilegeEscalation != false (container \"x\" must set"
                    + " securityContext.allowPrivilegeEscalation=false), unrestricted capabilities (container \"x\" must set"
                    + " securityContext.capabilities.drop=[\"ALL\"]), runAsNonRoot != true (pod or container \"x\" must set"
                    + " securityContext.runAsNonRoot=true), seccompProfile (pod or container \"x\" must set"
                    + " securityContext.seccompProfile.type to \"RuntimeDefault\" or \"Localhost\")";

    @SuppressWarnings("unchecked")
    private static java.util.Map<String, Object> asMap(String yaml) {
        return (java.util.Map<String, Object>) dev.assay.model.untrusted.SafeYaml.load(yaml, "test.yaml");
    }

    @Test
    void evaluate_baselineChecksFirst_thenRestricted_eachSortedById() {
        String pod = """
                kind: Pod
                spec:
                  hostPID: true
                  securityContext: {runAsNonRoot: true, seccompProfile: {type: RuntimeDefault}}
                  containers:
                  - name: app
                    securityContext: {privileged: true, allowPrivilegeEscalation: true, capabilities: {drop: [ALL]}}
                """;

        assertThat(evaluate(Level.RESTRICTED, "latest", pod))
                .extracting(Violation::check)
                .containsExactly("hostNamespaces", "privileged", "allowPrivilegeEscalation");
        assertThat(PodSecurity.CHECKS)
                .extracting(PodSecurityCheck::id)
                .containsExactly(
                        "appArmorProfile",
                        "capabilities_baseline",
                        "hostNamespaces",
                        "hostPathVolumes",
                        "hostPorts",
                        "hostProbesAndHostLifecycle",
                        "privileged",
                        "procMount",
                        "seLinuxOptions",
                        "seccompProfile_baseline",
                        "sysctls",
                        "windowsHostProcess",
                        "allowPrivilegeEscalation",
                        "capabilities_restricted",
                        "procMount_restricted",
                        "restrictedVolumes",
                        "runAsNonRoot",
                        "runAsUser",
                        "seccompProfile_restricted");
    }

    @Test
    void evaluate_restrictedOverridesBaseline_reportsOnceUnderTheRestrictedCheck() {
        String pod = """
                kind: Pod
                spec:
                  securityContext: {runAsNonRoot: true, seccompProfile: {type: RuntimeDefault}}
                  volumes: [{name: host, hostPath: {path: /}}]
                  containers:
                  - name: app
                    securityContext: {allowPrivilegeEscalation: false, capabilities: {add: [NET_RAW], drop: [ALL]}}
                """;

        assertThat(evaluate(Level.BASELINE, "latest", pod))
                .extracting(Violation::check)
                .containsExactly("capabilities_baseline", "hostPathVolumes");
        assertThat(evaluate(Level.RESTRICTED, "latest", pod))
                .extracting(Violation::message)
                .containsExactly(
                        "unrestricted capabilities (container \"app\" must not include \"NET_RAW\" in"
                                + " securityContext.capabilities.add)",
                        "restricted volume types (volume \"host\" uses restricted volume type \"hostPath\")");
        // capabilities_restricted only exists from v1.22: before, restricted reports the baseline check.
        assertThat(evaluate(Level.RESTRICTED, "v1.21", pod))
                .extracting(Violation::check)
                .containsExactly("capabilities_baseline", "restrictedVolumes");
    }

    @Test
    void evaluate_userNamespace_relaxesRunAsNonRootAndRunAsUserFromV135Only() {
        String pod = """
                kind: Pod
                spec:
                  hostUsers: false
                  securityContext: {runAsUser: 0, seccompProfile: {type: RuntimeDefault}}
                  containers:
                  - name: app
                    securityContext: {allowPrivilegeEscalation: false, capabilities: {drop: [ALL]}}
                """;

        assertThat(evaluate(Level.RESTRICTED, "v1.34", pod))
                .extracting(Violation::check)
                .containsExactly("runAsNonRoot", "runAsUser");
        assertThat(evaluate(Level.RESTRICTED, "v1.35", pod)).isEmpty();
    }

    @Test
    void evaluate_yaml11Scalars_readAsKubectlSendsThem() {
        String pod = """
                kind: Pod
                spec:
                  hostNetwork: yes
                  securityContext: {runAsNonRoot: on, runAsUser: 0x0, seccompProfile: {type: RuntimeDefault}}
                  containers:
                  - name: app
                    ports: [{hostPort: 0x50}, {hostPort: 0_0}]
                    securityContext: {privileged: Y, allowPrivilegeEscalation: no, runAsUser: 0.0, capabilities: {drop: [ALL]}}
                """;

        assertThat(evaluate(Level.RESTRICTED, "latest", pod))
                .extracting(Violation::message)
                .containsExactly(
                        "host namespaces (hostNetwork=true)",
                        "hostPort (container \"app\" uses hostPort 80)",
                        "privileged (container \"app\" must not set securityContext.privileged=true)",
                        "runAsUser=0 (pod and container \"app\" must not set runAsUser=0)");
    }

    @Test
    void evaluate_yamlNullObjects_areUnset() {
        String pod = """
                kind: Pod
                spec:
                  securityContext: {runAsNonRoot: true, seccompProfile: {type: RuntimeDefault}, appArmorProfile: ~, seLinuxOptions: null}
                  volumes: [{name: v, hostPath: null, emptyDir: {}}]
                  containers:
                  - name: app
                    securityContext: {allowPrivilegeEscalation: false, capabilities: {drop: [ALL]}, seccompProfile: NULL}
                """;

        assertThat(evaluate(Level.RESTRICTED, "latest", pod)).isEmpty();
    }

    @Test
    void parse_versionAndLevel_rejectGarbage() {
        assertThat(PolicyVersion.parse("v1.99")).isEqualTo(PolicyVersion.LATEST);
        assertThatThrownBy(() -> PolicyVersion.parse("1.2")).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> Level.parse("privileged")).isInstanceOf(InvalidInputException.class);
    }
}
