package dev.assay.policy.pss;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.assay.model.InvalidInputException;
import dev.assay.model.untrusted.SafeYaml;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PodDocumentsHostileInputTest {
    @Test
    void parse_malformedYaml_throwsInvalidInput() {
        assertThatThrownBy(() -> PodDocuments.parse("kind: Pod\nspec: [unclosed\n", "bad.yaml"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("bad.yaml");
    }

    @Test
    void parse_aliasBomb_throwsInvalidInput() {
        String bomb = """
                kind: Pod
                metadata:
                  a: &a ["x","x","x","x","x","x","x","x","x"]
                  b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]
                  c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]
                  d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]
                  e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]
                  f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]
                  g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]
                spec:
                  containers: []
                """;

        assertThatThrownBy(() -> PodDocuments.parse(bomb, "bomb.yaml")).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void parse_deeplyNested_throwsInvalidInput() {
        String deep = "kind: Pod\nspec: " + "[".repeat(20_000) + "]".repeat(20_000) + "\n";

        assertThatThrownBy(() -> PodDocuments.parse(deep, "deep.yaml")).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void parse_notAPod_throwsInvalidInput() {
        String configMap = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\ndata:\n  k: v\n";

        assertThatThrownBy(() -> PodDocuments.parse(configMap, "cm.yaml"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("ConfigMap");
    }

    @Test
    void parse_scalarDocument_throwsInvalidInput() {
        assertThatThrownBy(() -> PodDocuments.parse("just text", "text.yaml"))
                .isInstanceOf(InvalidInputException.class);
    }

    @Test
    void parse_podWithoutSpec_throwsInvalidInput() {
        assertThatThrownBy(() -> PodDocuments.parse("kind: Pod\nmetadata: {}\n", "nospec.yaml"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("spec");
    }

    @Test
    void parse_emptyInput_throwsInvalidInput() {
        assertThatThrownBy(() -> PodDocuments.parse("", "empty.yaml")).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void review_hostileFile_isOneFailedVerdictNotAnException() {
        String deep = "kind: Pod\nspec: " + "[".repeat(20_000) + "]".repeat(20_000) + "\n";

        List<DocumentVerdict> verdicts =
                ManifestReview.review(Level.RESTRICTED, PolicyVersion.LATEST, "deep.yaml", deep);

        assertThat(verdicts).singleElement().satisfies(verdict -> {
            assertThat(verdict.document()).isNull();
            assertThat(verdict.allowed()).isFalse();
            assertThat(((DocumentVerdict.Failed) verdict.outcome()).reason()).contains("deep.yaml");
        });
    }

    /** Every field of a pod that sets everything, replaced in turn by a value of the wrong shape. */
    @Test
    @SuppressWarnings("unchecked")
    void evaluate_everyFieldMistyped_neverThrows() {
        String full = """
                kind: Pod
                metadata:
                  annotations:
                    container.apparmor.security.beta.kubernetes.io/app: unconfined
                    seccomp.security.alpha.kubernetes.io/pod: unconfined
                    container.seccomp.security.alpha.kubernetes.io/app: unconfined
                spec:
                  hostNetwork: true
                  hostUsers: false
                  os: {name: windows}
                  securityContext:
                    runAsNonRoot: false
                    runAsUser: 0
                    seccompProfile: {type: Unconfined}
                    appArmorProfile: {type: Unconfined}
                    seLinuxOptions: {type: bad, user: u, role: r}
                    windowsOptions: {hostProcess: true}
                    sysctls: [{name: kernel.msgmax, value: "1"}]
                  volumes: [{name: v, hostPath: {path: /}}]
                  containers:
                  - name: app
                    ports: [{hostPort: 80}]
                    livenessProbe: {httpGet: {host: example.com}}
                    lifecycle: {preStop: {tcpSocket: {host: example.com}}}
                    securityContext:
                      privileged: true
                      allowPrivilegeEscalation: true
                      runAsNonRoot: false
                      runAsUser: 0
                      procMount: Unmasked
                      capabilities: {add: [NET_RAW], drop: [CHOWN]}
                      seccompProfile: {type: Unconfined}
                      appArmorProfile: {type: Unconfined}
                      seLinuxOptions: {type: bad}
                      windowsOptions: {hostProcess: true}
                """;
        List<Object> wrongShapes = List.of(List.of("x"), Map.of("x", "y"), "x", "~", "1e999999999", "");
        List<List<Object>> paths = new ArrayList<>();
        collectPaths(SafeYaml.load(full, "full.yaml"), new ArrayList<>(), paths);
        assertThat(paths).hasSizeGreaterThan(50);
        int evaluated = 0;
        for (List<Object> path : paths) {
            for (Object wrong : wrongShapes) {
                Map<String, Object> document = (Map<String, Object>) deepCopy(SafeYaml.load(full, "full.yaml"));
                replace(document, path, wrong);
                for (Level level : Level.values()) {
                    for (int minor : new int[] {0, 18, 19, 25, 34, 35, PolicyVersion.LATEST_KNOWN_MINOR}) {
                        for (DocumentVerdict verdict :
                                ManifestReview.review(level, PolicyVersion.of(minor), "full.yaml", toYaml(document))) {
                            assertThat(verdict.outcome())
                                    .as(path + " = " + wrong)
                                    .isNotNull();
                            evaluated++;
                        }
                    }
                }
            }
        }
        assertThat(evaluated).isEqualTo(paths.size() * wrongShapes.size() * Level.values().length * 7);
    }

    private static void collectPaths(Object node, List<Object> path, List<List<Object>> into) {
        if (node instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                List<Object> child = new ArrayList<>(path);
                child.add(entry.getKey());
                into.add(child);
                collectPaths(entry.getValue(), child, into);
            }
        } else if (node instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                List<Object> child = new ArrayList<>(path);
                child.add(i);
                into.add(child);
                collectPaths(list.get(i), child, into);
            }
        }
    }

    private static Object deepCopy(Object node) {
        if (node instanceof Map<?, ?> map) {
            Map<Object, Object> copy = new LinkedHashMap<>();
            map.forEach((key, value) -> copy.put(key, deepCopy(value)));
            return copy;
        }
        if (node instanceof List<?> list) {
            return new ArrayList<>(
                    list.stream().map(PodDocumentsHostileInputTest::deepCopy).toList());
        }
        return node;
    }

    @SuppressWarnings("unchecked")
    private static void replace(Object root, List<Object> path, Object value) {
        Object parent = root;
        for (Object step : path.subList(0, path.size() - 1)) {
            parent = parent instanceof Map<?, ?> map ? map.get(step) : ((List<?>) parent).get((Integer) step);
        }
        Object last = path.get(path.size() - 1);
        if (parent instanceof Map<?, ?> map) {
            ((Map<Object, Object>) map).put(last, value);
        } else {
            ((List<Object>) parent).set((Integer) last, value);
        }
    }

    /** Flow-style YAML of a loaded tree; every scalar is quoted so that it loads back as the same text. */
    private static String toYaml(Object node) {
        if (node instanceof Map<?, ?> map) {
            List<String> entries = new ArrayList<>();
            map.forEach((key, value) -> entries.add(toYaml(key) + ": " + toYaml(value)));
            return "{" + String.join(", ", entries) + "}";
        }
        if (node instanceof List<?> list) {
            return "["
                    + String.join(
                            ", ",
                            list.stream()
                                    .map(PodDocumentsHostileInputTest::toYaml)
                                    .toList()) + "]";
        }
        return "'" + String.valueOf(node).replace("'", "''") + "'";
    }
}
