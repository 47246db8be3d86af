package dev.assay.policy.cel;

import dev.assay.policy.admission.AdmissionInput;
import dev.assay.policy.document.ResourceDocuments;
import java.util.List;
import java.util.Map;

/** Compiles and evaluates one expression outside any policy, as the tests of single functions need. */
final class Expressions {
    private Expressions() {}

    static Object eval(String expression) throws CelExpression.EvaluationFailure {
        return eval(expression, Map.of(), CelEnvironment.defaults());
    }

    static Object eval(String expression, String objectYaml) throws CelExpression.EvaluationFailure {
        return eval(
                expression,
                ResourceDocuments.parse(objectYaml, "object.yaml").get(0).content(),
                CelEnvironment.defaults());
    }

    static Object eval(String expression, Map<String, Object> object, CelEnvironment environment)
            throws CelExpression.EvaluationFailure {
        CelExpression compiled = environment
                .scope()
                .compile(expression, CelEnvironment.Expected.ANY, ExpressionLocation.of("test", "expression"));
        RequestContext context = new RequestContext(
                AdmissionInput.ofManifest(object),
                new EvaluationBudget(environment.limits()),
                Map.of(),
                List.of(),
                List.of());
        return compiled.evaluate(context, context.budget());
    }

    /** The failure message of an expression expected to fail at run time. */
    static String failure(String expression) {
        return failure(expression, CelEnvironment.defaults());
    }

    static String failure(String expression, CelEnvironment environment) {
        try {
            Object value = eval(expression, Map.of(), environment);
            throw new AssertionError("expected " + expression + " to fail, got " + value);
        } catch (CelExpression.EvaluationFailure e) {
            return e.getMessage();
        }
    }
}
