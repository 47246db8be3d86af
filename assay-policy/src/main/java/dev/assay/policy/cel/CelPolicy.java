package dev.assay.policy.cel;

import dev.assay.model.NoVerdictException;
import dev.assay.policy.admission.AdmissionInput;
import dev.assay.policy.admission.AdmissionPolicy;
import dev.assay.policy.admission.Enforcement;
import dev.assay.policy.admission.FailurePolicy;
import dev.assay.policy.admission.PolicyViolation;
import dev.assay.policy.cel.CelEnvironment.Expected;
import dev.assay.policy.cel.PolicyDefinition.ExceptionRule;
import dev.assay.policy.cel.PolicyDefinition.NamedExpression;
import dev.assay.policy.cel.PolicyDefinition.Validation;
import dev.assay.policy.cel.RuleResult.Outcome;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A user's CEL policy, compiled once, applied by the admission webhook and the CLI alike. Evaluation follows
 * Kubernetes' ValidatingAdmissionPolicy: {@code match}, then match conditions, then exceptions, then each
 * validation, with variables evaluated lazily once per request. Immutable and thread-safe.
 *
 * <p>An expression that cannot be evaluated (a missing field read without {@code has()}, an exhausted
 * budget) is an {@link Outcome#ERROR}. Under {@link FailurePolicy#FAIL} {@link #review} reports it as a
 * violation in the policy's mode, as Kubernetes does; under {@link FailurePolicy#IGNORE} it is dropped
 * (and logged) when other validations already decide, and otherwise {@link #review} throws {@link
 * NoVerdictException} so that the caller admits the request with a warning, never silently.
 */
public final class CelPolicy implements AdmissionPolicy {
    private static final Logger LOG = LoggerFactory.getLogger(CelPolicy.class);

    private final PolicyDefinition definition;
    private final CelEnvironment environment;
    private final List<Compiled> matchConditions;
    private final List<String> variableNames;
    private final List<CelExpression> variables;
    private final Map<String, Integer> variableIndex;
    private final List<CompiledValidation> validations;
    private final List<CompiledException> exceptions;

    private record Compiled(String name, CelExpression expression) {}

    private record CompiledValidation(Validation validation, CelExpression expression, CelExpression message) {}

    private record CompiledException(ExceptionRule rule, CelExpression expression) {}

    private CelPolicy(
            PolicyDefinition definition,
            CelEnvironment environment,
            List<Compiled> matchConditions,
            List<String> variableNames,
            List<CelExpression> variables,
            List<CompiledValidation> validations,
            List<CompiledException> exceptions) {
        this.definition = definition;
        this.environment = environment;
        this.matchConditions = List.copyOf(matchConditions);
        this.variableNames = List.copyOf(variableNames);
        this.variables = List.copyOf(variables);
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < variableNames.size(); i++) {
            index.put(variableNames.get(i), i);
        }
        this.variableIndex = Map.copyOf(index);
        this.validations = List.copyOf(validations);
        this.exceptions = List.copyOf(exceptions);
    }

    public static CelPolicy compile(PolicyDefinition definition) {
        return compile(definition, CelEnvironment.defaults());
    }

    /**
     * Compiles every expression of {@code definition}.
     *
     * @throws InvalidPolicyException listing every problem found, not only the first
     */
    public static CelPolicy compile(PolicyDefinition definition, CelEnvironment environment) {
        List<PolicyProblem> problems = new ArrayList<>();
        CelEnvironment.Scope scope = environment.scope();
        List<String> variableNames = new ArrayList<>();
        List<CelExpression> variables = new ArrayList<>();
        for (NamedExpression variable : definition.variables()) {
            CelExpression compiled = compile(scope, variable.expression(), Expected.ANY, problems);
            if (variableNames.contains(variable.name())) {
                problems.add(variable.expression()
                        .location()
                        .problem("variable '" + variable.name() + "' is defined twice", 0, 0));
            }
            variableNames.add(variable.name());
            variables.add(compiled);
            // A variable that does not compile is still declared, as dyn, so that the expressions using it
            // report their own problems rather than an undeclared reference.
            scope = compiled == null
                    ? scope.withUntypedVariable(variable.name())
                    : scope.withVariable(variable.name(), compiled);
        }
        List<Compiled> conditions = new ArrayList<>();
        for (NamedExpression condition : definition.matchConditions()) {
            conditions.add(
                    new Compiled(condition.name(), compile(scope, condition.expression(), Expected.BOOL, problems)));
        }
        List<CompiledValidation> validations = new ArrayList<>();
        Set<String> validationNames = new HashSet<>();
        for (Validation validation : definition.validations()) {
            if (!validationNames.add(validation.name())) {
                problems.add(validation
                        .expression()
                        .location()
                        .problem("validation '" + validation.name() + "' is defined twice", 0, 0));
            }
            CelExpression expression = compile(scope, validation.expression(), Expected.BOOL, problems);
            CelExpression message = validation.messageExpression() == null
                    ? null
                    : compile(scope, validation.messageExpression(), Expected.STRING, problems);
            validations.add(new CompiledValidation(validation, expression, message));
        }
        List<CompiledException> exceptions = new ArrayList<>();
        for (ExceptionRule exception : definition.exceptions()) {
            CelExpression expression = exception.expression() == null
                    ? null
                    : compile(scope, exception.expression(), Expected.BOOL, problems);
            for (String excepted : exception.validations()) {
                if (!validationNames.contains(excepted)) {
                    problems.add(new PolicyProblem(
                            definition.source(),
                            0,
                            0,
                            "",
                            "exception '" + exception.name() + "' names validation '" + excepted
                                    + "', which the policy does not have",
                            0,
                            0));
                }
            }
            exceptions.add(new CompiledException(exception, expression));
        }
        if (definition.validations().isEmpty()) {
            problems.add(new PolicyProblem(
                    definition.source(), 0, 0, "", "policy '" + definition.name() + "' has no validations", 0, 0));
        }
        if (!problems.isEmpty()) {
            throw new InvalidPolicyException(problems);
        }
        return new CelPolicy(definition, environment, conditions, variableNames, variables, validations, exceptions);
    }

    private static CelExpression compile(
            CelEnvironment.Scope scope,
            PolicyDefinition.Expression expression,
            Expected expected,
            List<PolicyProblem> problems) {
        try {
            return scope.compile(expression.text(), expected, expression.location());
        } catch (InvalidPolicyException e) {
            problems.addAll(e.problems());
            return null;
        }
    }

    public PolicyDefinition definition() {
        return definition;
    }

    @Override
    public String name() {
        return definition.name();
    }

    public Enforcement mode() {
        return definition.mode();
    }

    @Override
    public FailurePolicy failurePolicy() {
        return definition.failurePolicy();
    }

    /** Whether the policy's {@code match} selects the request; match conditions are CEL, judged in {@link #evaluate}. */
    @Override
    public boolean appliesTo(AdmissionInput input) {
        return RequestMatcher.mismatch(definition.match(), input).isEmpty();
    }

    /** One result per validation: what the CLI prints and what tests compare with expectations. */
    public PolicyResult evaluate(AdmissionInput input) {
        Optional<String> mismatch = RequestMatcher.mismatch(definition.match(), input);
        if (mismatch.isPresent()) {
            return every(Outcome.SKIP, mismatch.get());
        }
        RequestContext context = new RequestContext(
                input, new EvaluationBudget(environment.limits()), variableIndex, variableNames, variables);
        for (Compiled condition : matchConditions) {
            Object value;
            try {
                value = condition.expression().evaluate(context, context.budget());
            } catch (CelExpression.EvaluationFailure e) {
                return every(
                        Outcome.ERROR,
                        "match condition '" + condition.name() + "' could not be evaluated: " + e.getMessage());
            }
            if (!(value instanceof Boolean holds)) {
                return every(
                        Outcome.ERROR,
                        "match condition '" + condition.name() + "' evaluated to " + ListsLibrary.typeName(value)
                                + ", not bool");
            }
            if (!holds) {
                return every(Outcome.SKIP, "match condition '" + condition.name() + "' is false");
            }
        }
        Map<String, String> excepted = new LinkedHashMap<>();
        for (CompiledException exception : exceptions) {
            Optional<Boolean> applies;
            try {
                applies = applies(exception, input, context);
            } catch (CelExpression.EvaluationFailure e) {
                return every(
                        Outcome.ERROR,
                        "exception '" + exception.rule().name() + "' could not be evaluated: " + e.getMessage());
            }
            if (applies.isEmpty()) {
                return every(Outcome.ERROR, "exception '" + exception.rule().name() + "' did not evaluate to a bool");
            }
            if (applies.get()) {
                String reason = "excepted by exception '" + exception.rule().name() + "'";
                if (exception.rule().validations().isEmpty()) {
                    return every(Outcome.SKIP, reason);
                }
                exception.rule().validations().forEach(rule -> excepted.putIfAbsent(rule, reason));
            }
        }
        List<RuleResult> results = new ArrayList<>();
        for (CompiledValidation validation : validations) {
            String exceptedBy = excepted.get(validation.validation().name());
            results.add(
                    exceptedBy != null
                            ? result(validation.validation(), Outcome.SKIP, exceptedBy)
                            : validate(validation, context));
        }
        return new PolicyResult(name(), failurePolicy(), results);
    }

    private static Optional<Boolean> applies(CompiledException exception, AdmissionInput input, RequestContext context)
            throws CelExpression.EvaluationFailure {
        ExceptionRule rule = exception.rule();
        if (!rule.namespaces().isEmpty() && !Glob.anyMatches(rule.namespaces(), input.namespace())) {
            return Optional.of(false);
        }
        if (!rule.names().isEmpty() && !Glob.anyMatches(rule.names(), input.name())) {
            return Optional.of(false);
        }
        if (exception.expression() == null) {
            return Optional.of(true);
        }
        Object value = exception.expression().evaluate(context, context.budget());
        return value instanceof Boolean holds ? Optional.of(holds) : Optional.empty();
    }

    private RuleResult validate(CompiledValidation compiled, RequestContext context) {
        Validation validation = compiled.validation();
        Object value;
        try {
            value = compiled.expression().evaluate(context, context.budget());
        } catch (CelExpression.EvaluationFailure e) {
            return result(validation, Outcome.ERROR, "expression could not be evaluated: " + e.getMessage());
        }
        if (!(value instanceof Boolean passed)) {
            return result(
                    validation,
                    Outcome.ERROR,
                    "expression evaluated to " + ListsLibrary.typeName(value) + ", not bool");
        }
        return passed
                ? result(validation, Outcome.PASS, "")
                : result(validation, Outcome.FAIL, message(compiled, context));
    }

    /** Kubernetes' order: a usable messageExpression, else message, else "failed expression: <expression>". */
    private static String message(CompiledValidation compiled, RequestContext context) {
        if (compiled.message() != null) {
            try {
                if (compiled.message().evaluate(context, context.budget()) instanceof String text
                        && !text.isBlank()
                        && text.indexOf('\n') < 0) {
                    return text;
                }
            } catch (CelExpression.EvaluationFailure e) {
                LOG.debug(
                        "messageExpression of {} failed, using message: {}",
                        compiled.validation().name(),
                        e.getMessage());
            }
        }
        Validation validation = compiled.validation();
        return validation.message() != null
                ? validation.message()
                : "failed expression: " + validation.expression().text().strip();
    }

    private RuleResult result(Validation validation, Outcome outcome, String message) {
        return new RuleResult(name(), validation.name(), outcome, mode(), validation.severity(), message);
    }

    private PolicyResult every(Outcome outcome, String message) {
        List<RuleResult> results = new ArrayList<>();
        for (Validation validation : definition.validations()) {
            results.add(result(validation, outcome, message));
        }
        return new PolicyResult(name(), failurePolicy(), results);
    }

    @Override
    public List<PolicyViolation> review(AdmissionInput input) {
        PolicyResult result = evaluate(input);
        List<PolicyViolation> violations = new ArrayList<>();
        List<RuleResult> errors = new ArrayList<>();
        for (RuleResult rule : result.rules()) {
            if (rule.outcome() == Outcome.FAIL) {
                violations.add(violation(rule));
            } else if (rule.outcome() == Outcome.ERROR) {
                errors.add(rule);
            }
        }
        if (errors.isEmpty()) {
            return List.copyOf(violations);
        }
        if (failurePolicy() == FailurePolicy.FAIL) {
            errors.forEach(rule -> violations.add(violation(rule)));
            return List.copyOf(violations);
        }
        if (violations.isEmpty()) {
            RuleResult first = errors.get(0);
            throw new NoVerdictException(
                    "policy '" + name() + "' could not judge " + RequestMatcher.describe(input) + ": validation '"
                            + first.rule() + "': " + first.message(),
                    name(),
                    "its failurePolicy is Ignore",
                    null);
        }
        errors.forEach(rule -> LOG.warn(
                "policy '{}' validation '{}' ignored (failurePolicy Ignore): {}", name(), rule.rule(), rule.message()));
        return List.copyOf(violations);
    }

    private static PolicyViolation violation(RuleResult rule) {
        return new PolicyViolation(rule.policy(), rule.rule(), rule.enforcement(), rule.severity(), rule.message());
    }

    @Override
    public String toString() {
        return "CelPolicy[" + name() + " from " + definition.source() + "]";
    }
}
