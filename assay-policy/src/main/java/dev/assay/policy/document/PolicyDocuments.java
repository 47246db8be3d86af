package dev.assay.policy.document;

import dev.assay.model.InvalidInputException;
import dev.assay.model.Severity;
import dev.assay.model.untrusted.SafeYaml;
import dev.assay.policy.admission.Enforcement;
import dev.assay.policy.admission.FailurePolicy;
import dev.assay.policy.cel.CelEnvironment;
import dev.assay.policy.cel.CelPolicy;
import dev.assay.policy.cel.InvalidPolicyException;
import dev.assay.policy.cel.PolicyDefinition;
import dev.assay.policy.cel.PolicyDefinition.ExceptionRule;
import dev.assay.policy.cel.PolicyDefinition.Expression;
import dev.assay.policy.cel.PolicyDefinition.LabelSelector;
import dev.assay.policy.cel.PolicyDefinition.Match;
import dev.assay.policy.cel.PolicyDefinition.NamedExpression;
import dev.assay.policy.cel.PolicyDefinition.Operator;
import dev.assay.policy.cel.PolicyDefinition.Requirement;
import dev.assay.policy.cel.PolicyDefinition.ResourceRule;
import dev.assay.policy.cel.PolicyDefinition.Validation;
import dev.assay.policy.cel.PolicyProblem;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.ScalarNode;

/**
 * Reads {@code apiVersion: assay.dev/v1, kind: Policy} documents (YAML or JSON, several per file) into
 * compiled {@link CelPolicy}s. Structure is checked strictly, because a misspelt {@code validaton:} must
 * not silently become a policy that checks nothing; every problem is reported with its file, line, column
 * and field path, and CEL compile errors also with their position inside the expression.
 */
public final class PolicyDocuments {
    public static final String API_VERSION = "assay.dev/v1";
    public static final String KIND = "Policy";

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9]([A-Za-z0-9._-]*[A-Za-z0-9])?");
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final Set<String> OPERATIONS = Set.of("CREATE", "UPDATE", "DELETE", "CONNECT", "*");

    private PolicyDocuments() {}

    /** The policies of one file, and every problem found in it; a file with problems yields no policies. */
    public record Parsed(List<CelPolicy> policies, List<PolicyProblem> problems) {
        public Parsed {
            policies = List.copyOf(policies);
            problems = List.copyOf(problems);
        }
    }

    /**
     * The policies in {@code content}.
     *
     * @throws InvalidPolicyException listing every problem when there is any
     */
    public static List<CelPolicy> parse(String content, String source) {
        return parse(content, source, CelEnvironment.defaults());
    }

    public static List<CelPolicy> parse(byte[] content, String source) {
        return parse(Utf8.decode(content, source), source, CelEnvironment.defaults());
    }

    public static List<CelPolicy> parse(byte[] content, String source, CelEnvironment environment) {
        return parse(Utf8.decode(content, source), source, environment);
    }

    public static List<CelPolicy> parse(String content, String source, CelEnvironment environment) {
        Parsed parsed = check(content, source, environment);
        if (!parsed.problems().isEmpty()) {
            throw new InvalidPolicyException(parsed.problems());
        }
        return parsed.policies();
    }

    /**
     * The policies of every file named, directories walked as {@link PolicyFiles#expand} does: what {@code
     * assay policy eval --policy}, test files and the webhook's {@code --policy} load.
     *
     * @throws InvalidInputException when a file cannot be read, a policy is invalid, or two files define a
     *     policy of the same name
     */
    public static List<CelPolicy> load(List<java.nio.file.Path> paths, CelEnvironment environment) {
        Map<String, CelPolicy> policies = new java.util.LinkedHashMap<>();
        for (java.nio.file.Path file : PolicyFiles.expand(paths)) {
            byte[] content = PolicyFiles.read(file, PolicyFiles.MAX_POLICY_BYTES, "a policy");
            for (CelPolicy policy : parse(content, file.toString(), environment)) {
                CelPolicy previous = policies.putIfAbsent(policy.name(), policy);
                if (previous != null) {
                    throw new InvalidInputException(
                            "policy '" + policy.name() + "' is defined in both "
                                    + previous.definition().source() + " and " + file,
                            file.toString());
                }
            }
        }
        return List.copyOf(policies.values());
    }

    /** Every problem in {@code content}, for {@code assay policy lint}; never throws for a bad policy. */
    public static Parsed check(byte[] content, String source, CelEnvironment environment) {
        String text;
        try {
            text = Utf8.decode(content, source);
        } catch (InvalidInputException e) {
            return new Parsed(List.of(), List.of(PolicyProblem.at(source, 0, 0, "", e.getMessage())));
        }
        return check(text, source, environment);
    }

    public static Parsed check(String content, String source, CelEnvironment environment) {
        List<PolicyProblem> problems = new ArrayList<>();
        List<Node> nodes;
        try {
            nodes = SafeYaml.composeAll(content, source);
        } catch (InvalidInputException e) {
            return new Parsed(List.of(), List.of(syntaxProblem(e, source)));
        }
        YamlField.Document document = new YamlField.Document(source, content, problems);
        List<CelPolicy> policies = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (Node node : nodes) {
            if (node instanceof ScalarNode scalar && scalar.getValue().isEmpty()) {
                continue;
            }
            int before = problems.size();
            YamlField root = new YamlField(document, node, "");
            Optional<PolicyDefinition> definition = definition(root, source);
            if (definition.isEmpty()) {
                continue;
            }
            if (!names.add(definition.get().name())) {
                root.problem("policy '" + definition.get().name() + "' is defined twice in " + source);
            }
            try {
                CelPolicy policy = CelPolicy.compile(definition.get(), environment);
                if (problems.size() == before) {
                    policies.add(policy);
                }
            } catch (InvalidPolicyException e) {
                problems.addAll(e.problems());
            }
        }
        // Reported in document order, whichever check found them first.
        problems.sort(java.util.Comparator.comparingInt(
                        (PolicyProblem problem) -> problem.line() == 0 ? Integer.MAX_VALUE : problem.line())
                .thenComparingInt(PolicyProblem::column));
        if (problems.isEmpty() && policies.isEmpty()) {
            problems.add(PolicyProblem.at(source, 0, 0, "", source + " holds no policy"));
        }
        return problems.isEmpty() ? new Parsed(policies, List.of()) : new Parsed(List.of(), problems);
    }

    private static PolicyProblem syntaxProblem(InvalidInputException e, String source) {
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof MarkedYamlEngineException marked
                    && marked.getProblemMark().isPresent()) {
                Mark mark = marked.getProblemMark().get();
                return PolicyProblem.at(
                        source, mark.getLine() + 1, mark.getColumn() + 1, "", "invalid YAML: " + marked.getProblem());
            }
        }
        return PolicyProblem.at(source, 0, 0, "", e.getMessage());
    }

    /** A definition even when parts are wrong, so that its expressions are still compiled and checked. */
    private static Optional<PolicyDefinition> definition(YamlField root, String source) {
        if (!root.isMapping()) {
            root.problem("not a policy: a policy document is a mapping with apiVersion " + API_VERSION + " and kind "
                    + KIND);
            return Optional.empty();
        }
        Map<String, YamlField> top = root.fields(Set.of());
        String apiVersion =
                top.containsKey("apiVersion") ? top.get("apiVersion").text().orElse("") : "";
        String kind = top.containsKey("kind") ? top.get("kind").text().orElse("") : "";
        if (!API_VERSION.equals(apiVersion) || !KIND.equals(kind)) {
            root.problem("not a policy: expected apiVersion " + API_VERSION + " and kind " + KIND + ", found "
                    + (apiVersion.isEmpty() ? "no apiVersion" : "apiVersion " + apiVersion) + " and "
                    + (kind.isEmpty() ? "no kind" : "kind " + kind));
            return Optional.empty();
        }
        top = root.fields(ordered("apiVersion", "kind", "metadata", "spec"));
        String name = "";
        YamlField metadata = required(top, "metadata", root);
        if (metadata != null) {
            Map<String, YamlField> meta = metadata.fields(Set.of());
            YamlField nameField = required(meta, "name", metadata);
            if (nameField != null) {
                name = nameField.requiredText().orElse("");
                if (!name.isEmpty() && !NAME.matcher(name).matches()) {
                    nameField.problem("'" + name + "' is not a valid name (letters, digits, '.', '-', '_')");
                }
            }
        }
        YamlField spec = required(top, "spec", root);
        if (spec == null) {
            return Optional.empty();
        }
        Map<String, YamlField> fields = spec.fields(
                ordered("mode", "failurePolicy", "match", "matchConditions", "variables", "validations", "exceptions"));
        Enforcement mode = Enforcement.ENFORCE;
        if (fields.containsKey("mode")) {
            YamlField field = fields.get("mode");
            String text = field.text().orElse("enforce");
            try {
                mode = Enforcement.parse(text, source);
            } catch (InvalidInputException e) {
                field.problem("unknown mode '" + text + "': expected enforce, warn or audit");
            }
        }
        FailurePolicy failurePolicy = FailurePolicy.FAIL;
        if (fields.containsKey("failurePolicy")) {
            YamlField field = fields.get("failurePolicy");
            String text = field.text().orElse("Fail");
            switch (text.strip().toLowerCase(java.util.Locale.ROOT)) {
                case "fail" -> failurePolicy = FailurePolicy.FAIL;
                case "ignore" -> failurePolicy = FailurePolicy.IGNORE;
                default -> field.problem("unknown failurePolicy '" + text + "': expected Fail or Ignore");
            }
        }
        Match match = fields.containsKey("match") ? match(fields.get("match")) : Match.ALL;
        List<NamedExpression> conditions = named(fields.get("matchConditions"), false);
        List<NamedExpression> variables = named(fields.get("variables"), true);
        List<Validation> validations = new ArrayList<>();
        YamlField validationsField = required(fields, "validations", spec);
        if (validationsField != null) {
            List<YamlField> items = validationsField.items();
            for (YamlField item : items) {
                validation(item).ifPresent(validations::add);
            }
            if (items.isEmpty()) {
                validationsField.problem("must list at least one validation");
            }
        }
        List<ExceptionRule> exceptions = new ArrayList<>();
        if (fields.containsKey("exceptions")) {
            for (YamlField item : fields.get("exceptions").items()) {
                exception(item).ifPresent(exceptions::add);
            }
        }
        if (validations.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new PolicyDefinition(
                name.isEmpty() ? "(unnamed)" : name,
                source,
                mode,
                failurePolicy,
                match,
                conditions,
                variables,
                validations,
                exceptions));
    }

    private static Match match(YamlField field) {
        Map<String, YamlField> fields =
                field.fields(ordered("resources", "namespaces", "excludedNamespaces", "objectSelector"));
        List<ResourceRule> rules = new ArrayList<>();
        if (fields.containsKey("resources")) {
            for (YamlField item : fields.get("resources").items()) {
                Map<String, YamlField> rule = item.fields(ordered("apiGroups", "apiVersions", "kinds", "operations"));
                List<String> operations = strings(rule, "operations");
                for (int i = 0; i < operations.size(); i++) {
                    if (!OPERATIONS.contains(operations.get(i))) {
                        rule.get("operations")
                                .items()
                                .get(i)
                                .problem("unknown operation '" + operations.get(i)
                                        + "': expected CREATE, UPDATE, DELETE, CONNECT or *");
                    }
                }
                rules.add(new ResourceRule(
                        strings(rule, "apiGroups"), strings(rule, "apiVersions"), strings(rule, "kinds"), operations));
            }
        }
        LabelSelector selector = fields.containsKey("objectSelector")
                ? selector(fields.get("objectSelector"))
                : LabelSelector.EVERYTHING;
        return new Match(rules, strings(fields, "namespaces"), strings(fields, "excludedNamespaces"), selector);
    }

    private static LabelSelector selector(YamlField field) {
        Map<String, YamlField> fields = field.fields(ordered("matchLabels", "matchExpressions"));
        Map<String, String> labels =
                fields.containsKey("matchLabels") ? fields.get("matchLabels").stringMap() : Map.of();
        List<Requirement> requirements = new ArrayList<>();
        if (fields.containsKey("matchExpressions")) {
            for (YamlField item : fields.get("matchExpressions").items()) {
                Map<String, YamlField> requirement = item.fields(ordered("key", "operator", "values"));
                YamlField key = required(requirement, "key", item);
                YamlField operatorField = required(requirement, "operator", item);
                List<String> values = strings(requirement, "values");
                if (key == null || operatorField == null) {
                    continue;
                }
                String operatorText = operatorField.text().orElse("");
                Operator operator;
                try {
                    operator = Operator.valueOf(operatorText);
                } catch (IllegalArgumentException e) {
                    operatorField.problem(
                            "unknown operator '" + operatorText + "': expected In, NotIn, Exists or DoesNotExist");
                    continue;
                }
                boolean needsValues = operator == Operator.In || operator == Operator.NotIn;
                if (needsValues && values.isEmpty()) {
                    item.problem("operator " + operator + " needs values");
                } else if (!needsValues && !values.isEmpty()) {
                    item.problem("operator " + operator + " takes no values");
                }
                key.text().ifPresent(text -> requirements.add(new Requirement(text, operator, values)));
            }
        }
        return new LabelSelector(labels, requirements);
    }

    private static List<NamedExpression> named(YamlField field, boolean identifiers) {
        List<NamedExpression> named = new ArrayList<>();
        if (field == null) {
            return named;
        }
        for (YamlField item : field.items()) {
            Map<String, YamlField> fields = item.fields(ordered("name", "expression"));
            YamlField name = required(fields, "name", item);
            YamlField expression = required(fields, "expression", item);
            if (name == null || expression == null) {
                continue;
            }
            Optional<String> nameText = name.requiredText();
            Optional<String> expressionText = expression.requiredText();
            if (nameText.isEmpty() || expressionText.isEmpty()) {
                continue;
            }
            if (identifiers && !IDENTIFIER.matcher(nameText.get()).matches()) {
                name.problem("'" + nameText.get()
                        + "' is not a valid variable name (a letter or '_', then letters, digits, '_')");
                continue;
            }
            named.add(new NamedExpression(
                    nameText.get(), new Expression(expressionText.get(), expression.expressionLocation())));
        }
        return named;
    }

    private static Optional<Validation> validation(YamlField item) {
        Map<String, YamlField> fields =
                item.fields(ordered("name", "expression", "message", "messageExpression", "severity"));
        YamlField name = required(fields, "name", item);
        YamlField expression = required(fields, "expression", item);
        if (name == null || expression == null) {
            return Optional.empty();
        }
        Optional<String> nameText = name.requiredText();
        Optional<String> expressionText = expression.requiredText();
        if (nameText.isPresent() && !NAME.matcher(nameText.get()).matches()) {
            name.problem("'" + nameText.get() + "' is not a valid name (letters, digits, '.', '-', '_')");
        }
        String message = null;
        if (fields.containsKey("message")) {
            message = fields.get("message").requiredText().orElse(null);
            if (message != null && message.indexOf('\n') >= 0) {
                fields.get("message").problem("must be a single line");
            }
        }
        Expression messageExpression = null;
        if (fields.containsKey("messageExpression")) {
            YamlField field = fields.get("messageExpression");
            messageExpression = field.requiredText()
                    .map(text -> new Expression(text, field.expressionLocation()))
                    .orElse(null);
        }
        Severity severity = Severity.MEDIUM;
        if (fields.containsKey("severity")) {
            YamlField field = fields.get("severity");
            String text = field.text().orElse("medium");
            severity = switch (text.strip().toLowerCase(java.util.Locale.ROOT)) {
                case "critical" -> Severity.CRITICAL;
                case "high" -> Severity.HIGH;
                case "medium" -> Severity.MEDIUM;
                case "low" -> Severity.LOW;
                default -> {
                    field.problem("unknown severity '" + text + "': expected critical, high, medium or low");
                    yield Severity.MEDIUM;
                }
            };
        }
        if (nameText.isEmpty() || expressionText.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Validation(
                nameText.get(),
                new Expression(expressionText.get(), expression.expressionLocation()),
                message,
                messageExpression,
                severity));
    }

    private static Optional<ExceptionRule> exception(YamlField item) {
        Map<String, YamlField> fields =
                item.fields(ordered("name", "namespaces", "names", "expression", "validations"));
        YamlField name = required(fields, "name", item);
        Optional<String> nameText = name == null ? Optional.empty() : name.requiredText();
        List<String> namespaces = strings(fields, "namespaces");
        List<String> names = strings(fields, "names");
        Expression expression = null;
        if (fields.containsKey("expression")) {
            YamlField field = fields.get("expression");
            expression = field.requiredText()
                    .map(text -> new Expression(text, field.expressionLocation()))
                    .orElse(null);
        }
        if (namespaces.isEmpty() && names.isEmpty() && expression == null && !fields.containsKey("expression")) {
            // An exception without a criterion would silently switch the policy off for everything.
            item.problem("an exception needs namespaces, names or an expression");
            return Optional.empty();
        }
        if (nameText.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(
                new ExceptionRule(nameText.get(), namespaces, names, expression, strings(fields, "validations")));
    }

    private static List<String> strings(Map<String, YamlField> fields, String name) {
        YamlField field = fields.get(name);
        return field == null ? List.of() : field.strings();
    }

    private static YamlField required(Map<String, YamlField> fields, String name, YamlField parent) {
        YamlField field = fields.get(name);
        if (field == null) {
            parent.problem("missing required field '" + name + "'");
        }
        return field;
    }

    private static Set<String> ordered(String... names) {
        return new LinkedHashSet<>(List.of(names));
    }
}
