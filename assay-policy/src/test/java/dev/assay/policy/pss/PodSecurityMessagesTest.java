package dev.assay.policy.pss;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Every check's reason and detail, word for word as pod-security-admission prints them. The pods and the
 * expected strings are those of PSA's own policy/check_*_test.go where it has one (translated to YAML), and
 * otherwise follow the format strings of policy/check_*.go.
 */
class PodSecurityMessagesTest {
    private static PodInput pod(String yaml) {
        List<PodInput> pods = PodDocuments.parse("kind: Pod\n" + yaml, "test.yaml");
        assertThat(pods).hasSize(1);
        return pods.get(0);
    }

    private static PodSecurityViolation denied(PodSecurityCheck check, String version, String yaml) {
        Optional<PodSecurityViolation> result = check.evaluate(PolicyVersion.parse(version), pod(yaml));
        assertThat(result).as(check.id() + " should forbid").isPresent();
        assertThat(result.get().check()).isEqualTo(check.id());
        assertThat(result.get().message())
                .isEqualTo(result.get().reason() + " (" + result.get().detail() + ")");
        return result.get();
    }

    private static void assertWorded(PodSecurityViolation violation, String reason, String detail) {
        assertThat(violation.reason()).isEqualTo(reason);
        assertThat(violation.detail()).isEqualTo(detail);
    }

    @Test
    void allowPrivilegeEscalation_initContainersFirst_pluralContainers() {
        PodSecurityViolation violation = denied(new AllowPrivilegeEscalationCheck(), "latest", """
                spec:
                  containers:
                  - {name: container1, securityContext: {allowPrivilegeEscalation: true}}
                  - {name: ok, securityContext: {allowPrivilegeEscalation: false}}
                  - {name: unset}
                  initContainers:
                  - {name: initcontainer1}
                """);

        assertWorded(
                violation,
                "allowPrivilegeEscalation != false",
                "containers \"initcontainer1\", \"container1\", \"unset\" must set"
                        + " securityContext.allowPrivilegeEscalation=false");
        assertThat(violation.message())
                .isEqualTo("allowPrivilegeEscalation != false (containers \"initcontainer1\", \"container1\", \"unset\""
                        + " must set securityContext.allowPrivilegeEscalation=false)");
    }

    @Test
    void allowPrivilegeEscalation_windowsPod_exemptFromV125Only() {
        String windows = "spec:\n  os: {name: windows}\n  containers: [{name: a}]\n";

        assertWorded(
                denied(new AllowPrivilegeEscalationCheck(), "v1.24", windows),
                "allowPrivilegeEscalation != false",
                "container \"a\" must set securityContext.allowPrivilegeEscalation=false");
        assertThat(new AllowPrivilegeEscalationCheck().evaluate(PolicyVersion.of(25), pod(windows)))
                .isEmpty();
    }

    @Test
    void appArmorProfile_fields_psaTestExpectations() {
        assertWorded(
                denied(
                        new AppArmorCheck(),
                        "latest",
                        "spec:\n  securityContext: {appArmorProfile: {type: Unconfined}}\n"),
                "forbidden AppArmor profile",
                "pod must not set AppArmor profile type to \"Unconfined\"");
        assertWorded(
                denied(new AppArmorCheck(), "latest", """
                        spec:
                          securityContext: {appArmorProfile: {type: RuntimeDefault}}
                          containers: [{name: foo}]
                          initContainers: [{name: bar, securityContext: {appArmorProfile: {type: Unconfined}}}]
                        """),
                "forbidden AppArmor profile",
                "container \"bar\" must not set AppArmor profile type to \"Unconfined\"");
    }

    @Test
    void appArmorProfile_annotations_sortedAndGoQuoted() {
        PodSecurityViolation violation = denied(new AppArmorCheck(), "v1.0", """
                metadata:
                  annotations:
                    container.apparmor.security.beta.kubernetes.io/: bogus
                    container.apparmor.security.beta.kubernetes.io/a: ''
                    container.apparmor.security.beta.kubernetes.io/b: runtime/default
                    container.apparmor.security.beta.kubernetes.io/c: localhost/
                    container.apparmor.security.beta.kubernetes.io/d: localhost/foo
                    container.apparmor.security.beta.kubernetes.io/f: unknown
                    container.apparmor.security.beta.kubernetes.io/e: unconfined
                spec: {}
                """);

        assertWorded(
                violation,
                "forbidden AppArmor profiles",
                "annotations must not set AppArmor profile type to "
                        + "\"container.apparmor.security.beta.kubernetes.io/=\"bogus\"\", "
                        + "\"container.apparmor.security.beta.kubernetes.io/e=\"unconfined\"\", "
                        + "\"container.apparmor.security.beta.kubernetes.io/f=\"unknown\"\"");
    }

    @Test
    void appArmorProfile_podContainersAndAnnotation_joinedWithAnd() {
        PodSecurityViolation violation = denied(new AppArmorCheck(), "latest", """
                metadata:
                  annotations: {container.apparmor.security.beta.kubernetes.io/a: unconfined}
                spec:
                  securityContext: {appArmorProfile: {type: Unconfined}}
                  containers: [{name: a, securityContext: {appArmorProfile: {type: Bogus}}}]
                """);

        assertWorded(
                violation,
                "forbidden AppArmor profiles",
                "pod and container \"a\" and annotation must not set AppArmor profile type to \"Bogus\","
                        + " \"Unconfined\", \"container.apparmor.security.beta.kubernetes.io/a=\"unconfined\"\"");
    }

    @Test
    void capabilitiesBaseline_sortedDistinctCapabilities() {
        assertWorded(
                denied(new CapabilitiesBaselineCheck(), "latest", """
                        spec:
                          containers:
                          - {name: a, securityContext: {capabilities: {add: [FOO, BAR]}}}
                          - {name: b, securityContext: {capabilities: {add: [BAR, BAZ]}}}
                          - {name: c, securityContext: {capabilities: {add: [NET_BIND_SERVICE, CHOWN], drop: [ALL, FOO]}}}
                        """),
                "non-default capabilities",
                "containers \"a\", \"b\" must not include \"BAR\", \"BAZ\", \"FOO\" in securityContext.capabilities.add");
    }

    @Test
    void capabilitiesRestricted_psaTestExpectation() {
        assertWorded(
                denied(new CapabilitiesRestrictedCheck(), "latest", """
                        spec:
                          containers:
                          - {name: a, securityContext: {capabilities: {add: [FOO, BAR]}}}
                          - {name: b, securityContext: {capabilities: {add: [BAR, BAZ]}}}
                          - {name: c, securityContext: {capabilities: {add: [NET_BIND_SERVICE, CHOWN], drop: [ALL, FOO]}}}
                        """),
                "unrestricted capabilities",
                "containers \"a\", \"b\" must set securityContext.capabilities.drop=[\"ALL\"]; containers \"a\", \"b\","
                        + " \"c\" must not include \"BAR\", \"BAZ\", \"CHOWN\", \"FOO\" in securityContext.capabilities.add");
    }

    @Test
    void hostNamespaces_psaOrderNotAlphabetical() {
        assertWorded(
                denied(
                        new HostNamespacesCheck(),
                        "latest",
                        "spec: {hostIPC: true, hostPID: true, hostNetwork: true}\n"),
                "host namespaces",
                "hostNetwork=true, hostPID=true, hostIPC=true");
    }

    @Test
    void hostPathVolumes_psaTestExpectation() {
        assertWorded(denied(new HostPathVolumesCheck(), "latest", """
                        spec:
                          volumes: [{name: a, hostPath: {}}, {name: b, hostPath: {path: /}}, {name: c, emptyDir: {}}]
                        """), "hostPath volumes", "volumes \"a\", \"b\"");
    }

    @Test
    void hostPorts_psaTestExpectations_portsSortedAsText() {
        assertWorded(denied(new HostPortsCheck(), "latest", """
                        spec:
                          containers:
                          - {name: a, ports: [{hostPort: 0}]}
                          - {name: b, ports: [{hostPort: 0}, {hostPort: 20}]}
                        """), "hostPort", "container \"b\" uses hostPort 20");
        assertWorded(
                denied(new HostPortsCheck(), "latest", """
                        spec:
                          containers:
                          - {name: a, ports: [{hostPort: 0}]}
                          - {name: b, ports: [{hostPort: 0}, {hostPort: 10}, {hostPort: 20}]}
                          - {name: c, ports: [{hostPort: 0}, {hostPort: 10}, {hostPort: 30}]}
                        """),
                "hostPort",
                "containers \"b\", \"c\" use hostPorts 10, 20, 30");
        assertWorded(
                denied(
                        new HostPortsCheck(),
                        "latest",
                        "spec:\n  containers: [{name: a, ports: [{hostPort: 8080}, {hostPort: 10000}]}]\n"),
                "hostPort",
                "container \"a\" uses hostPorts 10000, 8080");
    }

    @Test
    void hostProbesAndHostLifecycle_psaTestExpectations() {
        assertWorded(
                denied(new HostProbesAndLifecycleCheck(), "v1.34", """
                        spec:
                          containers:
                          - name: a
                            livenessProbe: {httpGet: {host: 127.0.0.1}}
                            readinessProbe: {tcpSocket: {host: '::1'}}
                            startupProbe: {httpGet: {host: localhost}}
                        """),
                "probe or lifecycle host",
                "container \"a\" uses probe or lifecycle hosts \"127.0.0.1\", \"::1\", \"localhost\"");
        assertWorded(
                denied(new HostProbesAndLifecycleCheck(), "latest", """
                        spec:
                          containers:
                          - {name: valid}
                          - {name: invalid2, lifecycle: {preStop: {tcpSocket: {host: b.com}}}, startupProbe: {httpGet: {host: a.com}}}
                          - {name: invalid1, livenessProbe: {httpGet: {host: a.com}}}
                        """),
                "probe or lifecycle host",
                "containers \"invalid1\", \"invalid2\" use probe or lifecycle hosts \"a.com\", \"b.com\"");
    }

    @Test
    void privileged_psaTestExpectation() {
        assertWorded(
                denied(new PrivilegedContainersCheck(), "latest", """
                        spec:
                          containers:
                          - {name: a}
                          - {name: b, securityContext: {}}
                          - {name: c, securityContext: {privileged: false}}
                          - {name: d, securityContext: {privileged: true}}
                          - {name: e, securityContext: {privileged: true}}
                        """),
                "privileged",
                "containers \"d\", \"e\" must not set securityContext.privileged=true");
    }

    @Test
    void procMount_baselineAndRestricted_sameWording() {
        String unmasked = """
                spec:
                  containers: [{name: a, securityContext: {procMount: Unmasked}}, {name: b, securityContext: {procMount: Default}}]
                  initContainers: [{name: i, securityContext: {procMount: Unmasked}}]
                """;
        String detail = "containers \"i\", \"a\" must not set securityContext.procMount to \"Unmasked\"";

        assertWorded(denied(new ProcMountCheck(), "latest", unmasked), "procMount", detail);
        assertWorded(denied(new ProcMountRestrictedCheck(), "latest", unmasked), "procMount", detail);
    }

    @Test
    void restrictedVolumes_psaTestExpectation() {
        PodSecurityViolation violation = denied(new RestrictedVolumesCheck(), "latest", """
                spec:
                  volumes:
                  - {name: a1, emptyDir: {}}
                  - {name: a2, secret: {}}
                  - {name: a3, persistentVolumeClaim: {}}
                  - {name: a4, downwardAPI: {}}
                  - {name: a5, configMap: {}}
                  - {name: a6, projected: {}}
                  - {name: a7, csi: {}}
                  - {name: a8, ephemeral: {}}
                  - {name: a9, image: {}}
                  - {name: b1, hostPath: {}}
                  - {name: b2, gcePersistentDisk: {}}
                  - {name: b3, awsElasticBlockStore: {}}
                  - {name: b4, gitRepo: {}}
                  - {name: b5, nfs: {}}
                  - {name: b6, iscsi: {}}
                  - {name: b7, glusterfs: {}}
                  - {name: b8, rbd: {}}
                  - {name: b9, flexVolume: {}}
                  - {name: b10, cinder: {}}
                  - {name: b11, cephfs: {}}
                  - {name: b12, flocker: {}}
                  - {name: b13, fc: {}}
                  - {name: b14, azureFile: {}}
                  - {name: b15, vsphereVolume: {}}
                  - {name: b16, quobyte: {}}
                  - {name: b17, azureDisk: {}}
                  - {name: b18, photonPersistentDisk: {}}
                  - {name: b19, portworxVolume: {}}
                  - {name: b20, scaleIO: {}}
                  - {name: b21, storageos: {}}
                  - {name: c1, someFutureSource: {}}
                  - {name: d1}
                """);

        assertWorded(
                violation,
                "restricted volume types",
                "volumes \"b1\", \"b2\", \"b3\", \"b4\", \"b5\", \"b6\", \"b7\", \"b8\", \"b9\", \"b10\", \"b11\", \"b12\","
                        + " \"b13\", \"b14\", \"b15\", \"b16\", \"b17\", \"b18\", \"b19\", \"b20\", \"b21\", \"c1\""
                        + " use restricted volume types \"awsElasticBlockStore\", \"azureDisk\", \"azureFile\","
                        + " \"cephfs\", \"cinder\", \"fc\", \"flexVolume\", \"flocker\", \"gcePersistentDisk\", \"gitRepo\","
                        + " \"glusterfs\", \"hostPath\", \"iscsi\", \"nfs\", \"photonPersistentDisk\", \"portworxVolume\","
                        + " \"quobyte\", \"rbd\", \"scaleIO\", \"storageos\", \"unknown\", \"vsphereVolume\"");
    }

    @Test
    void restrictedVolumes_single_singularWording() {
        assertWorded(
                denied(
                        new RestrictedVolumesCheck(),
                        "v1.0",
                        "spec:\n  volumes: [{name: volume1, hostPath: {path: /dev/null}}]\n"),
                "restricted volume types",
                "volume \"volume1\" uses restricted volume type \"hostPath\"");
    }

    @Test
    void runAsNonRoot_psaTestExpectations() {
        RunAsNonRootCheck check = new RunAsNonRootCheck();
        assertWorded(
                denied(check, "latest", "spec:\n  containers: [{name: a}]\n"),
                "runAsNonRoot != true",
                "pod or container \"a\" must set securityContext.runAsNonRoot=true");
        assertWorded(
                denied(check, "latest", "spec:\n  securityContext: {runAsNonRoot: false}\n  containers: [{name: a}]\n"),
                "runAsNonRoot != true",
                "pod must not set securityContext.runAsNonRoot=false");
        assertWorded(
                denied(check, "latest", """
                        spec:
                          securityContext: {runAsNonRoot: true}
                          containers:
                          - {name: a}
                          - {name: b, securityContext: {}}
                          - {name: c, securityContext: {runAsNonRoot: false}}
                          - {name: d, securityContext: {runAsNonRoot: false}}
                          - {name: e, securityContext: {runAsNonRoot: true}}
                        """),
                "runAsNonRoot != true",
                "containers \"c\", \"d\" must not set securityContext.runAsNonRoot=false");
        assertWorded(
                denied(check, "latest", """
                        spec:
                          containers:
                          - {name: a}
                          - {name: b, securityContext: {}}
                          - {name: d, securityContext: {runAsNonRoot: true}}
                        """),
                "runAsNonRoot != true",
                "pod or containers \"a\", \"b\" must set securityContext.runAsNonRoot=true");
    }

    @Test
    void runAsNonRoot_explicitFalse_reportedAloneWithPod() {
        assertWorded(
                denied(new RunAsNonRootCheck(), "latest", """
                        spec:
                          securityContext: {runAsNonRoot: false}
                          containers: [{name: a, securityContext: {runAsNonRoot: false}}, {name: b}]
                        """),
                "runAsNonRoot != true",
                "pod and container \"a\" must not set securityContext.runAsNonRoot=false");
    }

    @Test
    void runAsUser_psaTestExpectations() {
        assertWorded(
                denied(
                        new RunAsUserCheck(),
                        "latest",
                        "spec:\n  securityContext: {runAsUser: 0}\n  containers: [{name: a}]\n"),
                "runAsUser=0",
                "pod must not set runAsUser=0");
        assertWorded(
                denied(new RunAsUserCheck(), "v1.23", """
                        spec:
                          securityContext: {runAsUser: 1000}
                          containers:
                          - {name: a}
                          - {name: b, securityContext: {}}
                          - {name: c, securityContext: {runAsUser: 0}}
                          - {name: d, securityContext: {runAsUser: 0}}
                          - {name: e, securityContext: {runAsUser: 1}}
                        """),
                "runAsUser=0",
                "containers \"c\", \"d\" must not set runAsUser=0");
    }

    @Test
    void seLinuxOptions_psaTestExpectations() {
        SeLinuxOptionsCheck check = new SeLinuxOptionsCheck();
        String containers = """
                  - {name: a, securityContext: {seLinuxOptions: {type: container_t}}}
                  - {name: b, securityContext: {seLinuxOptions: {type: container_init_t}}}
                  - {name: c, securityContext: {seLinuxOptions: {type: container_kvm_t}}}
                """;
        String badContainers = """
                  - {name: d, securityContext: {seLinuxOptions: {type: bar}}}
                  - {name: e, securityContext: {seLinuxOptions: {user: bar}}}
                  - {name: f, securityContext: {seLinuxOptions: {role: baz}}}
                """;
        String badPod = "  securityContext: {seLinuxOptions: {type: foo, user: bar, role: baz}}\n";

        assertWorded(
                denied(check, "latest", "spec:\n" + badPod + "  containers:\n" + containers + badContainers),
                "seLinuxOptions",
                "pod and containers \"d\", \"e\", \"f\" set forbidden securityContext.seLinuxOptions: types \"bar\","
                        + " \"foo\"; user may not be set; role may not be set");
        assertWorded(
                denied(check, "latest", "spec:\n" + badPod + "  containers:\n" + containers),
                "seLinuxOptions",
                "pod set forbidden securityContext.seLinuxOptions: type \"foo\"; user may not be set; role may not be set");
        assertWorded(
                denied(
                        check,
                        "latest",
                        "spec:\n  securityContext: {seLinuxOptions: {}}\n  containers:\n" + containers + badContainers),
                "seLinuxOptions",
                "containers \"d\", \"e\", \"f\" set forbidden securityContext.seLinuxOptions: type \"bar\"; user may not"
                        + " be set; role may not be set");
    }

    @Test
    void seLinuxOptions_userOnly_stillNamed_andEngineTypeFromV131() {
        assertWorded(
                denied(
                        new SeLinuxOptionsCheck(),
                        "latest",
                        "spec:\n  securityContext: {seLinuxOptions: {user: bad}}\n"),
                "seLinuxOptions",
                "pod set forbidden securityContext.seLinuxOptions: user may not be set");
        String engine =
                "spec:\n  containers: [{name: a, securityContext: {seLinuxOptions: {type: container_engine_t}}}]\n";
        assertWorded(
                denied(new SeLinuxOptionsCheck(), "v1.30", engine),
                "seLinuxOptions",
                "container \"a\" set forbidden securityContext.seLinuxOptions: type \"container_engine_t\"");
        assertThat(new SeLinuxOptionsCheck().evaluate(PolicyVersion.of(31), pod(engine)))
                .isEmpty();
    }

    @Test
    void seccompProfileBaseline_annotationsBeforeV119_psaTestExpectations() {
        SeccompBaselineCheck check = new SeccompBaselineCheck();
        assertWorded(
                denied(
                        check,
                        "v1.18",
                        "metadata:\n  annotations: {seccomp.security.alpha.kubernetes.io/pod: unconfined}\nspec: {}\n"),
                "seccompProfile",
                "forbidden annotation seccomp.security.alpha.kubernetes.io/pod=\"unconfined\"");
        assertWorded(
                denied(check, "v1.0", """
                        metadata:
                          annotations:
                            seccomp.security.alpha.kubernetes.io/pod: unconfined
                            container.seccomp.security.alpha.kubernetes.io/a: unconfined
                            container.seccomp.security.alpha.kubernetes.io/b: unknown
                            container.seccomp.security.alpha.kubernetes.io/notacontainer: unconfined
                        spec:
                          containers: [{name: a}, {name: b}, {name: c}]
                        """),
                "seccompProfile",
                "forbidden annotations container.seccomp.security.alpha.kubernetes.io/a=\"unconfined\","
                        + " container.seccomp.security.alpha.kubernetes.io/b=\"unknown\","
                        + " seccomp.security.alpha.kubernetes.io/pod=\"unconfined\"");
    }

    @Test
    void seccompProfileBaseline_fieldsFromV119_psaTestExpectations() {
        String pod = """
                spec:
                  securityContext: {seccompProfile: {type: Unconfined}}
                  containers:
                  - {name: a}
                  - {name: b, securityContext: {}}
                  - {name: c, securityContext: {seccompProfile: {type: Unconfined}}}
                  - {name: d, securityContext: {seccompProfile: {type: Unconfined}}}
                  - {name: e, securityContext: {seccompProfile: {type: RuntimeDefault}}}
                """;

        assertWorded(
                denied(new SeccompBaselineCheck(), "v1.19", pod),
                "seccompProfile",
                "pod and containers \"c\", \"d\" must not set securityContext.seccompProfile.type to \"Unconfined\"");
        // Fields are not looked at before v1.19, annotations not from v1.19: each version has one mechanism.
        assertThat(new SeccompBaselineCheck().evaluate(PolicyVersion.of(18), pod(pod)))
                .isEmpty();
    }

    @Test
    void seccompProfileRestricted_psaTestExpectations() {
        SeccompRestrictedCheck check = new SeccompRestrictedCheck();
        assertWorded(
                denied(check, "latest", "spec:\n  containers: [{name: a}]\n"),
                "seccompProfile",
                "pod or container \"a\" must set securityContext.seccompProfile.type to \"RuntimeDefault\" or \"Localhost\"");
        assertWorded(
                denied(check, "v1.19", """
                        spec:
                          securityContext: {seccompProfile: {type: RuntimeDefault}}
                          containers:
                          - {name: a}
                          - {name: c, securityContext: {seccompProfile: {type: Unconfined}}}
                          - {name: d, securityContext: {seccompProfile: {type: Unconfined}}}
                        """),
                "seccompProfile",
                "containers \"c\", \"d\" must not set securityContext.seccompProfile.type to \"Unconfined\"");
        assertWorded(
                denied(check, "v1.25", """
                        spec:
                          containers:
                          - {name: a}
                          - {name: b, securityContext: {}}
                          - {name: d, securityContext: {seccompProfile: {type: RuntimeDefault}}}
                        """),
                "seccompProfile",
                "pod or containers \"a\", \"b\" must set securityContext.seccompProfile.type to \"RuntimeDefault\" or"
                        + " \"Localhost\"");
    }

    @Test
    void sysctls_psaTestExpectation_inPodOrder() {
        assertWorded(denied(new SysctlsCheck(), "latest", """
                        spec:
                          securityContext:
                            sysctls: [{name: b}, {name: kernel.shm_rmid_forced}, {name: a}]
                        """), "forbidden sysctls", "b, a");
    }

    @Test
    void windowsHostProcess_psaTestExpectation() {
        assertWorded(
                denied(new WindowsHostProcessCheck(), "latest", """
                        spec:
                          securityContext: {windowsOptions: {hostProcess: true}}
                          containers:
                          - {name: a}
                          - {name: c, securityContext: {windowsOptions: {}}}
                          - {name: d, securityContext: {windowsOptions: {hostProcess: false}}}
                          - {name: e, securityContext: {windowsOptions: {hostProcess: true}}}
                          - {name: f, securityContext: {windowsOptions: {hostProcess: true}}}
                        """),
                "hostProcess",
                "pod and containers \"e\", \"f\" must not set securityContext.windowsOptions.hostProcess=true");
    }

    @Test
    void everyCheck_hasAMessageTestHere() {
        List<String> tested = List.of(
                "allowPrivilegeEscalation",
                "appArmorProfile",
                "capabilities_baseline",
                "capabilities_restricted",
                "hostNamespaces",
                "hostPathVolumes",
                "hostPorts",
                "hostProbesAndHostLifecycle",
                "privileged",
                "procMount",
                "procMount_restricted",
                "restrictedVolumes",
                "runAsNonRoot",
                "runAsUser",
                "seLinuxOptions",
                "seccompProfile_baseline",
                "seccompProfile_restricted",
                "sysctls",
                "windowsHostProcess");

        assertThat(PodSecurity.CHECKS).extracting(PodSecurityCheck::id).containsExactlyInAnyOrderElementsOf(tested);
    }
}
