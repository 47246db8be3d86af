package dev.assay.policy.cel;

import dev.cel.bundle.Cel;
import dev.cel.bundle.CelFactory;
import dev.cel.common.CelIssue;
import dev.cel.common.CelOptions;
import dev.cel.common.CelValidationResult;
import dev.cel.common.types.CelKind;
import dev.cel.common.types.CelType;
import dev.cel.common.types.MapType;
import dev.cel.common.types.SimpleType;
import dev.cel.compiler.CelCompiler;
import dev.cel.extensions.CelExtensions;
import dev.cel.extensions.CelListsExtensions;
import dev.cel.extensions.CelStringExtensions;
import dev.cel.parser.CelStandardMacro;
import dev.cel.runtime.CelRuntime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The CEL environment policies are compiled in, as close to Kubernetes' ValidatingAdmissionPolicy as
 * cel-java allows: the variables {@code object}, {@code oldObject}, {@code request} and {@code
 * variables.<name>}; the standard library and macros; the extensions Kubernetes enables (strings, lists,
 * sets, optionals, {@code cel.bind}, two-variable comprehensions, math, base64) and Kubernetes' own libraries
 * (quantities, URLs, list functions, {@code find}/{@code findAll}); and {@link CelLimits}.
 *
 * <p>One environment compiles any number of expressions; compiled expressions are cached by text and
 * declarations, so reloading an unchanged policy file costs no compilation. Thread-safe.
 */
public final class CelEnvironment {
    /** More distinct expressions than any policy set holds; past it the cache starts over. */
    private static final int CACHE_SIZE = 10_000;

    private static final CelEnvironment DEFAULT = new CelEnvironment(CelLimits.DEFAULT);

    private final CelLimits limits;
    private final Cel cel;
    private final Map<String, CelExpression> cache = new ConcurrentHashMap<>();

    private CelEnvironment(CelLimits limits) {
        this.limits = limits;
        this.cel = build(limits);
    }

    public static CelEnvironment defaults() {
        return DEFAULT;
    }

    public static CelEnvironment withLimits(CelLimits limits) {
        return limits.equals(CelLimits.DEFAULT) ? DEFAULT : new CelEnvironment(limits);
    }

    public CelLimits limits() {
        return limits;
    }

    private static Cel build(CelLimits limits) {
        CelOptions options = CelOptions.current()
                .maxExpressionCodePointSize(limits.maxExpressionLength())
                .maxParseRecursionDepth(limits.maxParseDepth())
                .comprehensionMaxIterations(limits.maxIterations())
                .maxRegexProgramSize(limits.maxRegexProgramSize())
                .enableHeterogeneousNumericComparisons(true)
                .enableOptionalSyntax(true)
                .populateMacroCalls(false)
                .build();
        List<CelLibrary> libraries = List.of(
                new QuantityLibrary(),
                new UrlLibrary(),
                new ListsLibrary(),
                new RegexLibrary(limits.maxRegexProgramSize()),
                new BoundedLibrary(limits));
        var strings = CelExtensions.strings(
                CelStringExtensions.Function.CHAR_AT,
                CelStringExtensions.Function.INDEX_OF,
                CelStringExtensions.Function.LAST_INDEX_OF,
                CelStringExtensions.Function.LOWER_ASCII,
                CelStringExtensions.Function.QUOTE,
                CelStringExtensions.Function.REVERSE,
                CelStringExtensions.Function.SPLIT,
                CelStringExtensions.Function.SUBSTRING,
                CelStringExtensions.Function.TRIM,
                CelStringExtensions.Function.UPPER_ASCII);
        var lists = CelExtensions.lists(
                CelListsExtensions.Function.SLICE,
                CelListsExtensions.Function.FLATTEN,
                CelListsExtensions.Function.DISTINCT,
                CelListsExtensions.Function.REVERSE,
                CelListsExtensions.Function.SORT);
        var sets = CelExtensions.sets(options);
        var math = CelExtensions.math();
        var encoders = CelExtensions.encoders(options);
        var optional = CelExtensions.optional();
        var comprehensions = CelExtensions.comprehensions();
        var builder = CelFactory.legacyCelBuilder()
                .setOptions(options)
                .setStandardMacros(CelStandardMacro.STANDARD_MACROS)
                // A subset of the lists extension loses its sortBy macro in cel-java 0.14; the full
                // version-2 library still has it.
                .addMacros(CelExtensions.lists(2).macros())
                .addVar("object", SimpleType.DYN)
                .addVar("oldObject", SimpleType.DYN)
                .addVar("request", MapType.create(SimpleType.STRING, SimpleType.DYN))
                .addCompilerLibraries(
                        strings, lists, sets, math, encoders, optional, comprehensions, CelExtensions.bindings())
                .addRuntimeLibraries(strings, lists, sets, math, encoders, optional, comprehensions);
        for (CelLibrary library : libraries) {
            builder.addFunctionDeclarations(library.declarations());
            builder.addFunctionBindings(library.bindings());
        }
        return builder.build();
    }

    /** A compiler for the expressions of one policy: the base declarations plus its variables so far. */
    public Scope scope() {
        return new Scope(cel, List.of());
    }

    /** What an expression must evaluate to. */
    public enum Expected {
        BOOL(SimpleType.BOOL),
        STRING(SimpleType.STRING),
        ANY(SimpleType.DYN);

        private final CelType type;

        Expected(CelType type) {
            this.type = type;
        }

        boolean accepts(CelType actual) {
            return this == ANY || actual.kind() == CelKind.DYN || actual.equals(type);
        }
    }

    /**
     * The declarations visible to one expression: the environment's, plus the {@code variables.<name>}
     * declared before it. Immutable; {@link #withVariable} returns a new scope.
     */
    public final class Scope {
        private final CelCompiler compiler;
        private final List<String> declarations;

        private Scope(CelCompiler compiler, List<String> declarations) {
            this.compiler = compiler;
            this.declarations = declarations;
        }

        /** This scope with {@code variables.<name>} declared, typed as {@code expression} evaluates. */
        public Scope withVariable(String name, CelExpression expression) {
            return with(name, expression.resultType());
        }

        /** This scope with {@code variables.<name>} declared as {@code dyn}. */
        public Scope withUntypedVariable(String name) {
            return with(name, SimpleType.DYN);
        }

        private Scope with(String name, CelType type) {
            List<String> extended = new ArrayList<>(declarations);
            extended.add(name + ":" + type);
            return new Scope(
                    compiler.toCompilerBuilder()
                            .addVar(CelExpression.VARIABLES_PREFIX + name, type)
                            .build(),
                    List.copyOf(extended));
        }

        /**
         * Compiles {@code text}, or reports every problem in it through {@code location}.
         *
         * @throws InvalidPolicyException with one problem per CEL issue
         */
        public CelExpression compile(String text, Expected expected, ExpressionLocation location) {
            String key = expected + "\u0000" + declarations + "\u0000" + text;
            CelExpression cached = cache.get(key);
            if (cached != null) {
                return cached;
            }
            CelExpression compiled = compileUncached(text, expected, location);
            if (cache.size() >= CACHE_SIZE) {
                cache.clear();
            }
            cache.put(key, compiled);
            return compiled;
        }

        /** cel-java names only the first segment of an undeclared {@code variables.x}; say what is declared. */
        private String explained(String message) {
            if (!message.startsWith("undeclared reference to 'variables'")) {
                return message;
            }
            List<String> names = declarations.stream()
                    .map(declaration -> "variables." + declaration.substring(0, declaration.indexOf(':')))
                    .toList();
            return message + ": an expression can use only the variables declared before it ("
                    + (names.isEmpty() ? "none here" : String.join(", ", names)) + ")";
        }

        private CelExpression compileUncached(String text, Expected expected, ExpressionLocation location) {
            if (text.isBlank()) {
                throw new InvalidPolicyException(List.of(location.problem("the expression is empty", 0, 0)));
            }
            if (text.codePointCount(0, text.length()) > limits.maxExpressionLength()) {
                throw new InvalidPolicyException(List.of(location.problem(
                        "the expression is longer than the limit of " + limits.maxExpressionLength() + " characters",
                        0,
                        0)));
            }
            CelValidationResult result;
            try {
                result = compiler.compile(text);
            } catch (StackOverflowError e) {
                throw new InvalidPolicyException(
                        List.of(location.problem("the expression is nested too deeply to compile", 0, 0)));
            }
            if (result.hasError()) {
                List<PolicyProblem> problems = new ArrayList<>();
                for (CelIssue issue : result.getAllIssues()) {
                    if (issue.getSeverity() != CelIssue.Severity.ERROR) {
                        continue;
                    }
                    int line = Math.max(issue.getSourceLocation().getLine(), 0);
                    int column = line > 0 ? issue.getSourceLocation().getColumn() + 1 : 0;
                    problems.add(location.problem(explained(issue.getMessage()), line, column));
                }
                if (problems.isEmpty()) {
                    problems.add(location.problem(result.getErrorString(), 0, 0));
                }
                throw new InvalidPolicyException(problems);
            }
            dev.cel.common.CelAbstractSyntaxTree ast;
            CelRuntime.Program program;
            try {
                ast = result.getAst();
                program = cel.createProgram(ast);
            } catch (dev.cel.common.CelException e) {
                throw new InvalidPolicyException(List.of(location.problem(e.getMessage(), 0, 0)));
            }
            CelType type = ast.getResultType();
            if (!expected.accepts(type)) {
                throw new InvalidPolicyException(List.of(location.problem(
                        "the expression must evaluate to " + expected.name().toLowerCase(java.util.Locale.ROOT)
                                + ", not " + type.name(),
                        0,
                        0)));
            }
            return new CelExpression(text, program, type);
        }
    }
}
