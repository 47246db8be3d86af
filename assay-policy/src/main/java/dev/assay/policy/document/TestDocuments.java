package dev.assay.policy.document;

import dev.assay.model.InvalidInputException;
import dev.assay.model.untrusted.SafeYaml;
import dev.assay.policy.cel.PolicyProblem;
import dev.assay.policy.cel.RuleResult.Outcome;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.ScalarNode;

/**
 * Reads {@code apiVersion: assay.dev/v1, kind: Test} files, the offline test suites of {@code assay policy
 * test} (as {@code kyverno test} reads {@code kyverno-test.yaml}): which policies to load, which resources to
 * evaluate them on, and the result each rule must give each resource.
 *
 * <pre>
 * apiVersion: assay.dev/v1
 * kind: Test
 * metadata: {name: pod-policies}
 * policies: [../policies]                 # files or directories, relative to this file
 * resources: [resources/pods.yaml]
 * namespace: default                      # optional: for namespaced objects that name none
 * results:
 * - policy: require-run-as-non-root
 *   rule: containers-run-as-non-root      # optional: every rule of the policy when absent
 *   resources: [good-pod, bad-pod]        # or resource: NAME; a metadata.name, or FILE / FILE#INDEX
 *   kind: Pod                             # optional, to tell apart objects of the same name
 *   result: pass                          # pass, fail, skip or error
 * </pre>
 */
public final class TestDocuments {
    public static final String KIND = "Test";

    private TestDocuments() {}

    /**
     * A test file as written.
     *
     * @param file the test file
     * @param name its metadata.name, or the file name
     * @param policies policy files and directories, resolved against the test file's directory
     * @param resources resource files and directories, likewise
     * @param namespace the namespace of namespaced objects that name none; {@code ""} for none
     * @param expectations the results expected, in file order
     */
    public record TestDefinition(
            Path file,
            String name,
            List<Path> policies,
            List<Path> resources,
            String namespace,
            List<Expectation> expectations) {
        public TestDefinition {
            policies = List.copyOf(policies);
            resources = List.copyOf(resources);
            expectations = List.copyOf(expectations);
        }
    }

    /**
     * One expected result.
     *
     * @param rule a validation's name, or null for every validation of the policy
     * @param kind the resources' kind, or null for any
     * @param namespace the resources' namespace, or null for any
     * @param line the 1-based line of the entry, for messages
     */
    public record Expectation(
            String policy,
            String rule,
            List<String> resources,
            String kind,
            String namespace,
            Outcome result,
            int line) {
        public Expectation {
            resources = List.copyOf(resources);
        }
    }

    /**
     * Reads one test file.
     *
     * @throws InvalidInputException naming the file, line and field of the first problem (and counting the
     *     rest) when the file is not a valid test
     */
    public static TestDefinition parse(byte[] content, Path file) {
        String source = file.toString();
        String text = Utf8.decode(content, source);
        List<PolicyProblem> problems = new ArrayList<>();
        List<Node> nodes = SafeYaml.composeAll(text, source).stream()
                .filter(node ->
                        !(node instanceof ScalarNode scalar && scalar.getValue().isEmpty()))
                .toList();
        if (nodes.size() != 1) {
            throw new InvalidInputException(
                    source + " must hold exactly one Test document, not " + nodes.size(), source);
        }
        YamlField root = new YamlField(new YamlField.Document(source, text, problems), nodes.get(0), "");
        Optional<TestDefinition> definition = definition(root, file);
        if (!problems.isEmpty() || definition.isEmpty()) {
            throw new dev.assay.policy.cel.InvalidPolicyException(
                    problems.isEmpty() ? List.of(PolicyProblem.at(source, 0, 0, "", "not a test")) : problems);
        }
        return definition.get();
    }

    private static Optional<TestDefinition> definition(YamlField root, Path file) {
        Map<String, YamlField> fields =
                root.fields(ordered("apiVersion", "kind", "metadata", "policies", "resources", "namespace", "results"));
        String apiVersion = fields.containsKey("apiVersion")
                ? fields.get("apiVersion").text().orElse("")
                : "";
        String kind = fields.containsKey("kind") ? fields.get("kind").text().orElse("") : "";
        if (!PolicyDocuments.API_VERSION.equals(apiVersion) || !KIND.equals(kind)) {
            root.problem("not a test: expected apiVersion " + PolicyDocuments.API_VERSION + " and kind " + KIND);
            return Optional.empty();
        }
        String name = file.getFileName().toString();
        if (fields.containsKey("metadata")) {
            YamlField nameField = fields.get("metadata").fields(Set.of()).get("name");
            if (nameField != null) {
                name = nameField.requiredText().orElse(name);
            }
        }
        Path directory = file.toAbsolutePath().getParent();
        List<Path> policies = paths(fields, "policies", root, directory);
        List<Path> resources = paths(fields, "resources", root, directory);
        String namespace =
                fields.containsKey("namespace") ? fields.get("namespace").text().orElse("") : "";
        List<Expectation> expectations = new ArrayList<>();
        YamlField results = fields.get("results");
        if (results == null || results.items().isEmpty()) {
            (results == null ? root : results).problem("a test needs at least one expected result in 'results'");
        } else {
            for (YamlField item : results.items()) {
                expectation(item).ifPresent(expectations::add);
            }
        }
        return Optional.of(new TestDefinition(file, name, policies, resources, namespace, expectations));
    }

    private static List<Path> paths(Map<String, YamlField> fields, String name, YamlField root, Path directory) {
        YamlField field = fields.get(name);
        if (field == null) {
            root.problem("missing required field '" + name + "'");
            return List.of();
        }
        List<String> paths = field.strings();
        if (paths.isEmpty()) {
            field.problem("must list at least one file or directory");
        }
        return paths.stream().map(path -> directory.resolve(path).normalize()).toList();
    }

    private static Optional<Expectation> expectation(YamlField item) {
        Map<String, YamlField> fields =
                item.fields(ordered("policy", "rule", "resource", "resources", "kind", "namespace", "result"));
        Optional<String> policy = required(fields, "policy", item).flatMap(YamlField::requiredText);
        Optional<String> resultText = required(fields, "result", item).flatMap(YamlField::requiredText);
        String rule =
                fields.containsKey("rule") ? fields.get("rule").requiredText().orElse(null) : null;
        List<String> resources = new ArrayList<>();
        if (fields.containsKey("resource")) {
            fields.get("resource").requiredText().ifPresent(resources::add);
        }
        if (fields.containsKey("resources")) {
            resources.addAll(fields.get("resources").strings());
        }
        if (resources.isEmpty()) {
            item.problem("an expected result needs 'resource' or 'resources'");
        }
        Outcome outcome = null;
        if (resultText.isPresent()) {
            try {
                outcome = Outcome.parse(resultText.get());
            } catch (IllegalArgumentException e) {
                fields.get("result").problem(e.getMessage());
            }
        }
        String kind = fields.containsKey("kind") ? fields.get("kind").text().orElse(null) : null;
        String namespace =
                fields.containsKey("namespace") ? fields.get("namespace").text().orElse(null) : null;
        if (policy.isEmpty() || outcome == null || resources.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Expectation(policy.get(), rule, resources, kind, namespace, outcome, item.line()));
    }

    private static Optional<YamlField> required(Map<String, YamlField> fields, String name, YamlField parent) {
        YamlField field = fields.get(name);
        if (field == null) {
            parent.problem("missing required field '" + name + "'");
        }
        return Optional.ofNullable(field);
    }

    private static Set<String> ordered(String... names) {
        return java.util.Arrays.stream(names).collect(Collectors.toCollection(LinkedHashSet::new));
    }
}
