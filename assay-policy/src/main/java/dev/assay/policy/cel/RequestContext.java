package dev.assay.policy.cel;

import dev.assay.policy.admission.AdmissionInput;
import dev.cel.runtime.CelVariableResolver;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The variables of one policy's expressions on one request. {@code request} is built and each of the
 * policy's {@code variables} evaluated only when an expression first reads it, and at most once, as
 * Kubernetes does: a variable no failing path needs costs nothing. Used by one thread.
 */
final class RequestContext implements CelVariableResolver {
    private final AdmissionInput input;
    private final EvaluationBudget budget;
    private final Map<String, Integer> variableIndex;
    private final List<String> variableNames;
    private final List<CelExpression> variables;
    private final Object[] values;
    private final String[] failures;
    private Object object;
    private Object oldObject;
    private Object request;

    RequestContext(
            AdmissionInput input,
            EvaluationBudget budget,
            Map<String, Integer> variableIndex,
            List<String> variableNames,
            List<CelExpression> variables) {
        this.input = input;
        this.budget = budget;
        this.variableIndex = variableIndex;
        this.variableNames = variableNames;
        this.variables = variables;
        this.values = new Object[variables.size()];
        this.failures = new String[variables.size()];
    }

    EvaluationBudget budget() {
        return budget;
    }

    @Override
    public Optional<Object> find(String name) {
        return switch (name) {
            case "object" -> {
                if (object == null) {
                    object = CelValues.objectOrNull(input.object());
                }
                yield Optional.of(object);
            }
            case "oldObject" -> {
                if (oldObject == null) {
                    oldObject = CelValues.objectOrNull(input.oldObject());
                }
                yield Optional.of(oldObject);
            }
            case "request" -> {
                if (request == null) {
                    request = CelValues.adapt(request(input));
                }
                yield Optional.of(request);
            }
            default -> {
                if (name.startsWith(CelExpression.VARIABLES_PREFIX)) {
                    Integer index = variableIndex.get(name.substring(CelExpression.VARIABLES_PREFIX.length()));
                    if (index != null) {
                        yield Optional.of(variable(index));
                    }
                }
                yield Optional.empty();
            }
        };
    }

    private Object variable(int index) {
        if (failures[index] != null) {
            throw new CelExpression.VariableFailure(failures[index]);
        }
        if (values[index] == null) {
            try {
                values[index] = variables.get(index).evaluate(this, budget);
            } catch (CelExpression.EvaluationFailure e) {
                failures[index] =
                        "variable '" + variableNames.get(index) + "' could not be evaluated: " + e.getMessage();
                throw new CelExpression.VariableFailure(failures[index]);
            }
        }
        return values[index];
    }

    /** The fields of Kubernetes' {@code request} variable that an AdmissionReview carries. */
    static Map<String, Object> request(AdmissionInput input) {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("uid", input.uid());
        request.put(
                "kind",
                Map.of(
                        "group", input.kind().group(),
                        "version", input.kind().version(),
                        "kind", input.kind().kind()));
        request.put(
                "resource",
                Map.of(
                        "group", input.kind().group(),
                        "version", input.kind().version(),
                        "resource", input.resource()));
        request.put("subResource", input.subResource());
        request.put("name", input.name());
        request.put("namespace", input.namespace());
        request.put("operation", input.operation().name());
        request.put("userInfo", Map.of("username", input.username(), "groups", input.groups()));
        request.put("dryRun", input.dryRun());
        return request;
    }
}
