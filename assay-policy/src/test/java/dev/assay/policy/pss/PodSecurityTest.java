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
    void parse_versionAndLevel_rejectGarbage() {
        assertThat(PolicyVersion.parse("v1.99")).isEqualTo(PolicyVersion.LATEST);
        assertThatThrownBy(() -> PolicyVersion.parse("1.2")).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> Level.parse("privileged")).isInstanceOf(InvalidInputException.class);
    }
}
