package dev.assay.policy.suite;

import dev.assay.model.InvalidInputException;
import dev.assay.policy.cel.CelEnvironment;
import dev.assay.policy.cel.CelPolicy;
import dev.assay.policy.cel.PolicyResult;
import dev.assay.policy.cel.RuleResult;
import dev.assay.policy.document.PolicyDocuments;
import dev.assay.policy.document.PolicyFiles;
import dev.assay.policy.document.ResourceDocument;
import dev.assay.policy.document.ResourceDocuments;
import dev.assay.policy.document.TestDocuments.Expectation;
import dev.assay.policy.document.TestDocuments.TestDefinition;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs one test file: loads its policies and resources, evaluates every policy on every resource once, and
 * compares each expectation with the result. A test that names a policy, rule or resource that is not
 * there is malformed (it could never pass), not failed.
 */
public final class PolicyTestRunner {
    private final CelEnvironment environment;

    public PolicyTestRunner(CelEnvironment environment) {
        this.environment = environment;
    }

    /**
     * The test's cases, one per expected rule result and resource, each passed or failed.
     *
     * @throws InvalidInputException when the test's policies or resources cannot be read, or an expectation
     *     names something that is not there
     */
    public List<TestCase> run(TestDefinition test) {
        Map<String, CelPolicy> policies = new LinkedHashMap<>();
        for (CelPolicy policy : PolicyDocuments.load(test.policies(), environment)) {
            policies.put(policy.name(), policy);
        }
        Path base = test.file().toAbsolutePath().getParent();
        List<Resource> resources = new ArrayList<>();
        for (Path file : PolicyFiles.expand(test.resources())) {
            byte[] content = PolicyFiles.read(file, PolicyFiles.MAX_RESOURCE_BYTES, "a resource");
            String relative = base.relativize(file.toAbsolutePath()).toString();
            List<ResourceDocument> documents = ResourceDocuments.parse(content, file.toString());
            for (ResourceDocument document : documents) {
                resources.add(new Resource(relative, documents.size() == 1, document));
            }
        }
        IdentityHashMap<Resource, Map<String, PolicyResult>> results = new IdentityHashMap<>();
        List<TestCase> cases = new ArrayList<>();
        for (Expectation expectation : test.expectations()) {
            CelPolicy policy = policies.get(expectation.policy());
            if (policy == null) {
                throw malformed(
                        test,
                        expectation,
                        "policy '" + expectation.policy() + "' is not among the test's policies " + policies.keySet());
            }
            List<String> rules = policy.definition().validations().stream()
                    .map(validation -> validation.name())
                    .toList();
            if (expectation.rule() != null && !rules.contains(expectation.rule())) {
                throw malformed(
                        test,
                        expectation,
                        "policy '" + policy.name() + "' has no rule '" + expectation.rule() + "' (it has " + rules
                                + ")");
            }
            for (String wanted : expectation.resources()) {
                List<Resource> matched = resources.stream()
                        .filter(resource -> resource.matches(wanted, expectation, test.namespace()))
                        .toList();
                if (matched.isEmpty()) {
                    throw malformed(
                            test,
                            expectation,
                            "no resource '" + wanted + "'"
                                    + (expectation.kind() == null ? "" : " of kind " + expectation.kind())
                                    + " among the test's resources");
                }
                for (Resource resource : matched) {
                    PolicyResult result = results.computeIfAbsent(resource, ignored -> new LinkedHashMap<>())
                            .computeIfAbsent(
                                    policy.name(),
                                    ignored ->
                                            policy.evaluate(resource.document().admissionInput(test.namespace())));
                    for (RuleResult rule : result.rules()) {
                        if (expectation.rule() == null || expectation.rule().equals(rule.rule())) {
                            cases.add(new TestCase(
                                    test.name(),
                                    policy.name(),
                                    rule.rule(),
                                    resource.describe(),
                                    expectation.result(),
                                    rule.outcome(),
                                    rule.message()));
                        }
                    }
                }
            }
        }
        return List.copyOf(cases);
    }

    private static InvalidInputException malformed(TestDefinition test, Expectation expectation, String message) {
        return new InvalidInputException(
                test.file() + ":" + expectation.line() + ": " + message,
                test.file().toString());
    }

    /** A resource document, named as test files may name it. */
    private record Resource(String file, boolean only, ResourceDocument document) {
        boolean matches(String wanted, Expectation expectation, String defaultNamespace) {
            var input = document.admissionInput(defaultNamespace);
            boolean named = wanted.equals(input.name())
                    || wanted.equals(file + "#" + document.index())
                    || (only && wanted.equals(file));
            return named
                    && (expectation.kind() == null
                            || expectation.kind().equals(input.kind().kind()))
                    && (expectation.namespace() == null
                            || expectation.namespace().equals(input.namespace()));
        }

        String describe() {
            return file + "#" + document.index() + " " + document.describe();
        }
    }
}
