package dev.assay.policy.cel;

import dev.assay.model.Severity;
import dev.assay.policy.admission.Enforcement;
import dev.assay.policy.admission.FailurePolicy;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A CEL policy as written, before compilation: what {@code kind: Policy} documents say, or what code builds
 * directly. {@link CelPolicy#compile} turns it into something that can review requests.
 *
 * @param name the policy's {@code metadata.name}, reported with every result
 * @param source the file it came from, for messages
 * @param mode what a failed validation does to the request
 * @param failurePolicy what an expression that cannot be evaluated does to the request
 * @param match which requests the policy looks at; {@link Match#ALL} when the document has no {@code match}
 * @param matchConditions CEL conditions that must all hold for the policy to apply
 * @param variables named CEL expressions, available as {@code variables.<name>} to later expressions
 * @param validations the rules; at least one
 * @param exceptions requests the policy, or some of its validations, do not apply to
 */
public record PolicyDefinition(
        String name,
        String source,
        Enforcement mode,
        FailurePolicy failurePolicy,
        Match match,
        List<NamedExpression> matchConditions,
        List<NamedExpression> variables,
        List<Validation> validations,
        List<ExceptionRule> exceptions) {

    public PolicyDefinition {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(failurePolicy, "failurePolicy");
        match = match == null ? Match.ALL : match;
        matchConditions = List.copyOf(matchConditions);
        variables = List.copyOf(variables);
        validations = List.copyOf(validations);
        exceptions = List.copyOf(exceptions);
    }

    /** A CEL expression and where it was written. */
    public record Expression(String text, ExpressionLocation location) {
        public Expression {
            Objects.requireNonNull(text, "text");
            Objects.requireNonNull(location, "location");
        }
    }

    public record NamedExpression(String name, Expression expression) {
        public NamedExpression {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(expression, "expression");
        }
    }

    /**
     * One rule: {@code expression} must be true.
     *
     * @param message shown when it is false; null for Kubernetes' default {@code failed expression: <expr>}
     * @param messageExpression a CEL string computed when it is false; null when absent. When it fails or
     *     yields an empty or multi-line string, {@code message} (or the default) is used, as Kubernetes does.
     */
    public record Validation(
            String name, Expression expression, String message, Expression messageExpression, Severity severity) {
        public Validation {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(expression, "expression");
            Objects.requireNonNull(severity, "severity");
        }
    }

    /**
     * Which requests a policy looks at. Every given criterion must hold; an empty list means "any".
     *
     * @param resources the kinds and operations; empty for every kind on CREATE and UPDATE
     * @param namespaces namespace names or globs ({@code team-*}) the object must be in; empty for any
     * @param excludedNamespaces namespace names or globs the object must not be in
     * @param objectSelector labels the object (or, for DELETE and UPDATE, its previous version) must carry
     */
    public record Match(
            List<ResourceRule> resources,
            List<String> namespaces,
            List<String> excludedNamespaces,
            LabelSelector objectSelector) {
        public static final Match ALL = new Match(List.of(), List.of(), List.of(), LabelSelector.EVERYTHING);

        public Match {
            resources = List.copyOf(resources);
            namespaces = List.copyOf(namespaces);
            excludedNamespaces = List.copyOf(excludedNamespaces);
            objectSelector = objectSelector == null ? LabelSelector.EVERYTHING : objectSelector;
        }
    }

    /**
     * A set of API groups, versions, kinds and operations; each list holds names or {@code "*"}.
     * Operations default to {@code CREATE} and {@code UPDATE}, the requests that carry an object to judge.
     */
    public record ResourceRule(
            List<String> apiGroups, List<String> apiVersions, List<String> kinds, List<String> operations) {
        public static final List<String> DEFAULT_OPERATIONS = List.of("CREATE", "UPDATE");

        public ResourceRule {
            apiGroups = apiGroups.isEmpty() ? List.of("*") : List.copyOf(apiGroups);
            apiVersions = apiVersions.isEmpty() ? List.of("*") : List.copyOf(apiVersions);
            kinds = kinds.isEmpty() ? List.of("*") : List.copyOf(kinds);
            operations = operations.isEmpty() ? DEFAULT_OPERATIONS : List.copyOf(operations);
        }
    }

    /** A Kubernetes label selector; the empty selector matches everything. */
    public record LabelSelector(Map<String, String> matchLabels, List<Requirement> matchExpressions) {
        public static final LabelSelector EVERYTHING = new LabelSelector(Map.of(), List.of());

        public LabelSelector {
            matchLabels = Map.copyOf(matchLabels);
            matchExpressions = List.copyOf(matchExpressions);
        }

        public boolean isEmpty() {
            return matchLabels.isEmpty() && matchExpressions.isEmpty();
        }
    }

    public record Requirement(String key, Operator operator, List<String> values) {
        public Requirement {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(operator, "operator");
            values = List.copyOf(values);
        }
    }

    /** The operators of {@code matchExpressions}, spelled as Kubernetes spells them. */
    public enum Operator {
        In,
        NotIn,
        Exists,
        DoesNotExist
    }

    /**
     * Requests the policy does not judge. Every given criterion must hold for the exception to apply.
     *
     * @param namespaces namespace names or globs
     * @param names object names or globs
     * @param expression a CEL condition; null when absent
     * @param validations the validations excepted; empty for the whole policy
     */
    public record ExceptionRule(
            String name, List<String> namespaces, List<String> names, Expression expression, List<String> validations) {
        public ExceptionRule {
            Objects.requireNonNull(name, "name");
            namespaces = List.copyOf(namespaces);
            names = List.copyOf(names);
            validations = List.copyOf(validations);
        }
    }
}
