package dev.assay.policy.cel;

/**
 * Bounds on compiling and evaluating one CEL expression, so that a careless or hostile policy (a nested
 * comprehension over every element of every list, a string doubled in a loop) ends in a clear error
 * instead of a hung webhook. Kubernetes bounds the same risks with a static cost estimate and a runtime
 * cost budget; cel-java has neither, so Assay counts evaluation steps and checks the size of every
 * intermediate value instead.
 *
 * @param maxExpressionLength longest expression accepted, in code points (Kubernetes: 5 KiB per rule)
 * @param maxParseDepth deepest nesting of parentheses, calls and operators the parser accepts
 * @param maxIterations comprehension iterations in one evaluation of one expression, nested loops counted
 *     together
 * @param maxSteps expression nodes evaluated in one evaluation of one expression, about Kubernetes'
 *     per-expression cost limit of one million
 * @param maxStepsPerPolicy steps for all expressions of one policy on one request together
 * @param maxStringLength longest string an expression may produce, in chars
 * @param maxCollectionSize largest list or map an expression may produce
 * @param maxRegexProgramSize largest compiled regular expression (RE2 program instructions)
 */
public record CelLimits(
        int maxExpressionLength,
        int maxParseDepth,
        int maxIterations,
        long maxSteps,
        long maxStepsPerPolicy,
        int maxStringLength,
        int maxCollectionSize,
        int maxRegexProgramSize) {

    public static final CelLimits DEFAULT =
            new CelLimits(16 * 1024, 100, 1_000_000, 2_000_000, 20_000_000, 8 * 1024 * 1024, 1_000_000, 10_000);

    public CelLimits {
        if (maxExpressionLength <= 0
                || maxParseDepth <= 0
                || maxIterations <= 0
                || maxSteps <= 0
                || maxStepsPerPolicy < maxSteps
                || maxStringLength <= 0
                || maxCollectionSize <= 0
                || maxRegexProgramSize <= 0) {
            throw new IllegalArgumentException(
                    "CEL limits must be positive, and the policy budget at least one" + " expression's");
        }
    }

    public CelLimits withMaxSteps(long steps) {
        return new CelLimits(
                maxExpressionLength,
                maxParseDepth,
                maxIterations,
                steps,
                Math.max(steps, maxStepsPerPolicy),
                maxStringLength,
                maxCollectionSize,
                maxRegexProgramSize);
    }

    public CelLimits withMaxIterations(int iterations) {
        return new CelLimits(
                maxExpressionLength,
                maxParseDepth,
                iterations,
                maxSteps,
                maxStepsPerPolicy,
                maxStringLength,
                maxCollectionSize,
                maxRegexProgramSize);
    }

    public CelLimits withMaxStringLength(int length) {
        return new CelLimits(
                maxExpressionLength,
                maxParseDepth,
                maxIterations,
                maxSteps,
                maxStepsPerPolicy,
                length,
                maxCollectionSize,
                maxRegexProgramSize);
    }
}
