package dev.assay.policy.cel;

import static dev.assay.policy.cel.Expressions.failure;
import static dev.assay.policy.cel.PolicyTesting.manifest;
import static dev.assay.policy.cel.PolicyTesting.only;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.assay.policy.admission.PolicyViolation;
import dev.assay.policy.cel.RuleResult.Outcome;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Expressions written to hang or exhaust the engine end in a clear error, quickly. */
@Timeout(30)
class HostileExpressionTest {
    private static String nested(int depth, String body) {
        String expression = body;
        for (int level = 0; level < depth; level++) {
            expression = "lists.range(100).all(v" + level + ", " + expression + ")";
        }
        return expression;
    }

    @Test
    void exponentialComprehension_stopsAtTheBudget() {
        long start = System.nanoTime();

        String message = failure(nested(8, "true"));

        assertThat(message).containsAnyOf("evaluation steps", "Iteration budget exceeded");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
    }

    @Test
    void exponentialComprehension_inAPolicy_isAnErrorAndDeniesUnderFail() {
        CelPolicy policy = PolicyTesting.rule(nested(6, "v0 >= 0"));

        RuleResult rule = only(policy.evaluate(manifest("kind: Pod\n")));
        List<PolicyViolation> violations = policy.review(manifest("kind: Pod\n"));

        assertThat(rule.outcome()).isEqualTo(Outcome.ERROR);
        assertThat(rule.message()).contains("could not be evaluated").containsAnyOf("budget", "Iteration");
        assertThat(violations)
                .singleElement()
                .satisfies(violation -> assertThat(violation.message()).contains("budget"));
    }

    @Test
    void iterationLimit_appliesToNestedLoopsTogether() {
        CelEnvironment small = CelEnvironment.withLimits(CelLimits.DEFAULT.withMaxIterations(1_000));

        assertThat(failure("lists.range(40).all(a, lists.range(40).all(b, true))", small))
                .contains("Iteration budget exceeded: 1000");
    }

    @Test
    void doublingString_stopsAtTheSizeLimit() {
        String expression = "'ab'";
        for (int level = 0; level < 40; level++) {
            expression = "cel.bind(s" + level + ", " + expression + ", s" + level + " + s" + level + ")";
        }

        assertThat(failure(expression)).contains("produced a string of", "more than the limit of 8388608");
    }

    @Test
    void amplifyingFunctions_areBoundedBeforeTheyAllocate() {
        CelEnvironment small = CelEnvironment.withLimits(CelLimits.DEFAULT.withMaxStringLength(1_000));
        String big = "cel.bind(s, 'abcdefghij' + 'abcdefghij' + 'abcdefghij', s + s + s + s + s + s + s + s + s + s)";

        assertThat(failure(big + ".replace('', " + big + ")", small)).contains("replace() would produce a string");
        assertThat(failure("lists.range(200).map(i, 'abcdefghij').join('-')", small))
                .contains("join() would produce a string of 2199 characters");
        assertThat(failure("lists.range(100000000)")).contains("would produce more than 1000000 elements");
    }

    @Test
    void hugeRegularExpressions_areRejected() {
        assertThat(failure("'a'.matches('((a{100}){100}){100}')")).containsIgnoringCase("program size");
        assertThat(failure("'a'.find('((a{100}){100}){100}')")).contains("program size");
    }

    @Test
    void deeplyNestedExpression_isACompileErrorNotAStackOverflow() {
        String deep = "(".repeat(5_000) + "1" + ")".repeat(5_000) + " == 1";

        assertThatThrownBy(() -> PolicyTesting.rule(deep))
                .isInstanceOf(InvalidPolicyException.class)
                .hasMessageContaining("spec.validations[0].expression");
    }

    @Test
    void overlongExpression_isACompileError() {
        String longExpression = "true" + " && true".repeat(3_000);

        assertThatThrownBy(() -> PolicyTesting.rule(longExpression))
                .isInstanceOf(InvalidPolicyException.class)
                .hasMessageContaining("longer than the limit of 16384");
    }

    @Test
    void deeplyNestedObject_isEvaluatedWithoutStackOverflow() {
        StringBuilder yaml = new StringBuilder("a: ");
        for (int i = 0; i < 400; i++) {
            yaml.append("{a: ");
        }
        yaml.append("1").append("}".repeat(400)).append('\n');

        RuleResult rule =
                only(PolicyTesting.rule("object == object && has(object.a.a.a)").evaluate(manifest(yaml.toString())));

        assertThat(rule.outcome()).isEqualTo(Outcome.PASS);
    }
}
