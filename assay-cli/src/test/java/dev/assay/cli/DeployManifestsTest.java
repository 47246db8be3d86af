package dev.assay.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.assay.engine.admission.AdmissionController;
import dev.assay.engine.admission.AdmissionDecision;
import dev.assay.engine.admission.PolicyOutcome;
import dev.assay.model.untrusted.SafeYaml;
import dev.assay.policy.admission.AdmissionInput;
import dev.assay.policy.pss.Level;
import dev.assay.policy.pss.PodSecurityPolicy;
import dev.assay.policy.pss.PolicyVersion;
import dev.assay.testkit.ProjectRoot;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * The deployment files: they parse, the webhook's own Deployment passes Assay's restricted Pod Security
 * check (enforced, workloads included), its arguments are flags {@code assay server} accepts, and the
 * webhook configurations point at the server's paths with the settings Kubernetes needs.
 *
 * <p>Helm itself is not available here (no Debian or npm package), so the chart is checked by rendering
 * its templates with a substitution of our own: values are looked up in values.yaml, other expressions
 * become placeholders, control lines are dropped; the result must be YAML, its Deployment must pass the
 * same Pod Security check, and every {@code .Values} path a template names must exist.
 */
class DeployManifestsTest {
    private static final Path ROOT = ProjectRoot.require();
    private static final Path KUBERNETES = ROOT.resolve("deploy/kubernetes");
    private static final Path CHART = ROOT.resolve("deploy/helm/assay");

    private static List<Map<?, ?>> documents(Path file) throws IOException {
        return documents(Files.readString(file, StandardCharsets.UTF_8), file.toString());
    }

    private static List<Map<?, ?>> documents(String content, String name) {
        List<Map<?, ?>> documents = new ArrayList<>();
        for (Object document : SafeYaml.loadAll(content, name)) {
            if (document != null) {
                assertThat(document).as(name).isInstanceOf(Map.class);
                documents.add((Map<?, ?>) document);
            }
        }
        return documents;
    }

    private static Map<String, Map<?, ?>> manifestsByKind() throws IOException {
        Map<String, Map<?, ?>> byKind = new java.util.LinkedHashMap<>();
        try (Stream<Path> files = Files.list(KUBERNETES)) {
            for (Path file : files.filter(path -> path.toString().endsWith(".yaml"))
                    .sorted()
                    .toList()) {
                for (Map<?, ?> document : documents(file)) {
                    byKind.put((String) document.get("kind"), document);
                }
            }
        }
        return byKind;
    }

    @SuppressWarnings("unchecked")
    private static Object at(Object node, Object... path) {
        Object current = node;
        for (Object step : path) {
            current = step instanceof Integer index
                    ? ((List<Object>) current).get(index)
                    : ((Map<?, ?>) current).get(step);
        }
        return current;
    }

    private static List<String> strings(Object list) {
        return ((List<?>) list).stream().map(String::valueOf).toList();
    }

    /** Reviewed as a CREATE of the workload, with workloads enforced: the strictest reading. */
    private static AdmissionDecision restrictedReview(Map<?, ?> manifest) {
        @SuppressWarnings("unchecked")
        Map<String, Object> object = (Map<String, Object>) manifest;
        return new AdmissionController(
                        List.of(new PodSecurityPolicy(Level.RESTRICTED, PolicyVersion.LATEST, true)), List.of())
                .validate(AdmissionInput.ofManifest(object));
    }

    @Test
    void kubernetesManifests_parseAndAreAllListedInTheKustomization() throws IOException {
        Map<String, Map<?, ?>> byKind = manifestsByKind();

        assertThat(byKind.keySet())
                .contains(
                        "Namespace",
                        "ServiceAccount",
                        "Deployment",
                        "Service",
                        "PodDisruptionBudget",
                        "ValidatingWebhookConfiguration",
                        "MutatingWebhookConfiguration",
                        "Kustomization");
        for (Map<?, ?> document : byKind.values()) {
            assertThat(document.get("apiVersion")).isInstanceOf(String.class);
        }
        List<?> resources = (List<?>) byKind.get("Kustomization").get("resources");
        try (Stream<Path> files = Files.list(KUBERNETES)) {
            assertThat(files.map(file -> file.getFileName().toString())
                            .filter(name -> name.endsWith(".yaml") && !name.equals("kustomization.yaml")))
                    .containsExactlyInAnyOrderElementsOf(
                            resources.stream().map(String::valueOf).toList());
        }
    }

    @Test
    void deployment_passesRestrictedPodSecurityWithWorkloadsEnforced() throws IOException {
        Map<?, ?> deployment = manifestsByKind().get("Deployment");

        AdmissionDecision decision = restrictedReview(deployment);

        assertThat(decision.allowed()).as(decision.message()).isTrue();
        assertThat(decision.warnings()).isEmpty();
        assertThat(decision.outcomes()).extracting(PolicyOutcome::result).containsExactly(PolicyOutcome.Result.PASS);
    }

    @Test
    void deployment_isHardenedAndItsArgumentsAreServerFlags() throws IOException {
        Map<?, ?> deployment = manifestsByKind().get("Deployment");
        Map<?, ?> pod = (Map<?, ?>) at(deployment, "spec", "template", "spec");
        Map<?, ?> container = (Map<?, ?>) at(pod, "containers", 0);

        assertThat(at(pod, "automountServiceAccountToken")).isEqualTo("false");
        assertThat(at(container, "securityContext", "readOnlyRootFilesystem")).isEqualTo("true");
        assertThat(at(container, "readinessProbe", "httpGet", "path")).isEqualTo("/readyz");
        assertThat(at(container, "livenessProbe", "httpGet", "path")).isEqualTo("/healthz");
        assertThat(at(container, "resources", "limits", "memory")).isNotNull();
        assertThat(at(manifestsByKind().get("ServiceAccount"), "automountServiceAccountToken"))
                .isEqualTo("false");
        List<String> args =
                ((List<?>) container.get("args")).stream().map(String::valueOf).toList();
        CommandLine.ParseResult parsed = Main.commandLine(
                        new Terminal(System.in, System.out, System.err, false), args.toArray(String[]::new))
                .parseArgs(args.toArray(String[]::new));
        ServerCommand server = (ServerCommand) parsed.subcommand().commandSpec().userObject();
        assertThat(server.tlsCertificate.toString())
                .startsWith(at(container, "volumeMounts", 0, "mountPath").toString());
        assertThat(server.policies.pss).isEqualTo("restricted");
        assertThat(Durations.parse(server.shutdownDelay, "--shutdown-delay").toSeconds())
                .isLessThan(Long.parseLong((String) at(pod, "terminationGracePeriodSeconds")));
    }

    @Test
    void webhookConfigurations_pointAtTheServerWithKubernetesSettings() throws IOException {
        Map<String, Map<?, ?>> byKind = manifestsByKind();
        Map<String, String> paths = Map.of(
                "ValidatingWebhookConfiguration", "/admission/validate",
                "MutatingWebhookConfiguration", "/admission/mutate");
        for (Map.Entry<String, String> expected : paths.entrySet()) {
            Map<?, ?> webhook = (Map<?, ?>) at(byKind.get(expected.getKey()), "webhooks", 0);

            assertThat(strings(webhook.get("admissionReviewVersions"))).containsExactly("v1");
            assertThat(webhook.get("sideEffects")).isEqualTo("None");
            assertThat(Integer.parseInt((String) webhook.get("timeoutSeconds"))).isBetween(1, 30);
            assertThat(webhook.get("failurePolicy")).isIn("Fail", "Ignore");
            assertThat(at(webhook, "clientConfig", "service", "path")).isEqualTo(expected.getValue());
            assertThat(at(webhook, "clientConfig", "service", "name"))
                    .isEqualTo(at(byKind.get("Service"), "metadata", "name"));
            assertThat(at(webhook, "clientConfig", "service", "namespace"))
                    .isEqualTo(at(byKind.get("Namespace"), "metadata", "name"));
            assertThat(strings(at(webhook, "namespaceSelector", "matchExpressions", 0, "values")))
                    .contains("assay-system", "kube-system");
            assertThat(at(webhook, "namespaceSelector", "matchExpressions", 0, "operator"))
                    .isEqualTo("NotIn");
        }
    }

    @Test
    void helmChart_templatesRenderToYamlAndItsDeploymentPassesRestricted() throws IOException {
        Map<?, ?> values = documents(CHART.resolve("values.yaml")).get(0);
        assertThat(documents(CHART.resolve("Chart.yaml")).get(0).get("apiVersion"))
                .isEqualTo("v2");
        String helpers = Files.readString(CHART.resolve("templates/_helpers.tpl"), StandardCharsets.UTF_8);
        Set<String> defined = new LinkedHashSet<>();
        Matcher define = Pattern.compile("\\{\\{-? define \"([^\"]+)\"").matcher(helpers);
        while (define.find()) {
            defined.add(define.group(1));
        }
        Map<String, Map<?, ?>> rendered = new java.util.LinkedHashMap<>();
        try (Stream<Path> files = Files.list(CHART.resolve("templates"))) {
            for (Path template : files.filter(path -> path.toString().endsWith(".yaml"))
                    .sorted()
                    .toList()) {
                String text = Files.readString(template, StandardCharsets.UTF_8);
                assertValuePathsExist(text + helpers, values, template);
                Matcher include = Pattern.compile("include \"([^\"]+)\"").matcher(text);
                while (include.find()) {
                    assertThat(defined).as(template + " includes").contains(include.group(1));
                }
                for (Map<?, ?> document : documents(HelmSubstitution.render(text, values), template.toString())) {
                    rendered.put((String) document.get("kind"), document);
                }
            }
        }

        assertThat(rendered.keySet())
                .contains(
                        "ServiceAccount",
                        "Deployment",
                        "Service",
                        "ValidatingWebhookConfiguration",
                        "MutatingWebhookConfiguration",
                        "Certificate");
        AdmissionDecision decision = restrictedReview(rendered.get("Deployment"));
        assertThat(decision.allowed()).as(decision.message()).isTrue();
        assertThat(decision.warnings()).isEmpty();
        assertThat(at(rendered.get("Deployment"), "spec", "replicas")).isEqualTo("2");
    }

    private static void assertValuePathsExist(String text, Map<?, ?> values, Path template) {
        Matcher reference =
                Pattern.compile("\\.Values((?:\\.[A-Za-z][A-Za-z0-9]*)+)").matcher(text);
        while (reference.find()) {
            Object node = values;
            for (String key : reference.group(1).substring(1).split("\\.")) {
                assertThat(node).as(template + ": .Values" + reference.group(1)).isInstanceOf(Map.class);
                assertThat(((Map<?, ?>) node).containsKey(key))
                        .as(template + ": .Values" + reference.group(1))
                        .isTrue();
                node = ((Map<?, ?>) node).get(key);
            }
        }
    }

    /** The substitution described in the class comment. */
    static final class HelmSubstitution {
        private static final Pattern CONTROL_LINE = Pattern.compile(
                "\\s*\\{\\{-?\\s*((if|else|end|with|range|define|fail)\\b|\\$[A-Za-z]+\\s*:=)[^}]*-?}}\\s*");
        private static final Pattern NINDENT = Pattern.compile("\\s*\\{\\{-?[^}]*\\|\\s*nindent\\s+(\\d+)\\s*}}\\s*");
        private static final Pattern VALUE = Pattern.compile("\\{\\{-?\\s*\\.Values\\.([A-Za-z0-9.]+)\\s*-?}}");
        private static final Pattern EXPRESSION = Pattern.compile("\\{\\{-?[^}]*-?}}");

        private HelmSubstitution() {}

        static String render(String template, Map<?, ?> values) {
            StringBuilder out = new StringBuilder();
            int placeholder = 0;
            for (String line : template.split("\n", -1)) {
                if (CONTROL_LINE.matcher(line).matches() || line.strip().startsWith("{{/*")) {
                    continue;
                }
                Matcher nindent = NINDENT.matcher(line);
                if (nindent.matches()) {
                    out.append(" ".repeat(Integer.parseInt(nindent.group(1))))
                            .append("placeholder")
                            .append(++placeholder)
                            .append(": value\n");
                    continue;
                }
                Matcher value = VALUE.matcher(line);
                StringBuilder substituted = new StringBuilder();
                while (value.find()) {
                    Object found = lookup(values, value.group(1));
                    value.appendReplacement(
                            substituted,
                            Matcher.quoteReplacement(
                                    found instanceof String text && !text.isEmpty() ? text : "placeholder"));
                }
                value.appendTail(substituted);
                out.append(EXPRESSION.matcher(substituted).replaceAll("placeholder"))
                        .append('\n');
            }
            return out.toString();
        }

        private static Object lookup(Map<?, ?> values, String path) {
            Object node = values;
            for (String key : path.split("\\.")) {
                if (!(node instanceof Map<?, ?> map)) {
                    return null;
                }
                node = map.get(key);
            }
            return node;
        }
    }
}
