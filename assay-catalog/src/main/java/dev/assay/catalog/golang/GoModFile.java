package dev.assay.catalog.golang;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The parts of a {@code go.mod} that decide the build list, read textually the way Go's modfile lexer
 * reads them: one directive per line or a parenthesised block, {@code //} comments, quoted or back-quoted
 * tokens. Nothing is evaluated or fetched.
 *
 * @param problems lines that could not be understood; reported as unknowns while the rest is kept
 */
record GoModFile(
        String modulePath,
        String goVersion,
        String toolchain,
        List<Require> requires,
        List<Replace> replaces,
        List<Excluded> excludes,
        List<String> problems) {

    /** Directives Go knows that do not change which modules are built. */
    private static final Set<String> IGNORED_DIRECTIVES = Set.of("retract", "godebug", "tool", "ignore");

    private static final int MAX_PROBLEMS = 20;

    GoModFile {
        requires = List.copyOf(requires);
        replaces = List.copyOf(replaces);
        excludes = List.copyOf(excludes);
        problems = List.copyOf(problems);
    }

    /** A required module; {@code indirect} when the line carries Go's {@code // indirect} marker. */
    record Require(String path, String version, boolean indirect) {}

    /**
     * A replace directive. {@code oldVersion} is empty when it applies to every version; {@code newVersion}
     * is empty when the replacement is a local directory.
     */
    record Replace(String oldPath, String oldVersion, String newPath, String newVersion) {
        boolean local() {
            return newVersion.isEmpty();
        }

        boolean appliesTo(String path, String version) {
            return oldPath.equals(path) && (oldVersion.isEmpty() || oldVersion.equals(version));
        }
    }

    record Excluded(String path, String version) {}

    static GoModFile parse(String text) {
        Builder builder = new Builder();
        String block = null;
        int lineNumber = 0;
        for (String line : text.split("\r?\n", -1)) {
            lineNumber++;
            Line parsed = Line.lex(line);
            if (parsed.tokens().isEmpty()) {
                continue;
            }
            List<String> tokens = parsed.tokens();
            if (block != null) {
                if (tokens.size() == 1 && tokens.get(0).equals(")")) {
                    block = null;
                } else if (Builder.isKnown(block)) {
                    builder.directive(block, tokens, parsed.indirect(), lineNumber);
                }
                continue;
            }
            String directive = tokens.get(0);
            List<String> arguments = tokens.subList(1, tokens.size());
            if (arguments.size() == 1 && arguments.get(0).equals("(")) {
                block = directive;
                builder.checkKnown(directive, lineNumber);
            } else {
                builder.directive(directive, arguments, parsed.indirect(), lineNumber);
            }
        }
        if (block != null) {
            builder.problem("unterminated '" + block + " (' block");
        }
        return builder.build();
    }

    private static final class Builder {
        private String modulePath = "";
        private String goVersion = "";
        private String toolchain = "";
        private final List<Require> requires = new ArrayList<>();
        private final List<Replace> replaces = new ArrayList<>();
        private final List<Excluded> excludes = new ArrayList<>();
        private final List<String> problems = new ArrayList<>();

        void checkKnown(String directive, int lineNumber) {
            if (!isKnown(directive)) {
                problem("line " + lineNumber + ": unknown directive '" + printable(directive) + "'");
            }
        }

        void directive(String directive, List<String> arguments, boolean indirect, int lineNumber) {
            switch (directive) {
                case "module" -> {
                    if (arguments.size() == 1 && GoModules.isModulePath(arguments.get(0))) {
                        modulePath = arguments.get(0);
                    } else {
                        problem("line " + lineNumber + ": malformed module directive");
                    }
                }
                case "go" -> goVersion = arguments.isEmpty() ? "" : arguments.get(0);
                case "toolchain" -> toolchain = arguments.isEmpty() ? "" : arguments.get(0);
                case "require" -> {
                    if (arguments.size() == 2 && moduleVersion(arguments.get(0), arguments.get(1))) {
                        requires.add(new Require(arguments.get(0), arguments.get(1), indirect));
                    } else {
                        problem("line " + lineNumber + ": malformed require");
                    }
                }
                case "exclude" -> {
                    if (arguments.size() == 2 && moduleVersion(arguments.get(0), arguments.get(1))) {
                        excludes.add(new Excluded(arguments.get(0), arguments.get(1)));
                    } else {
                        problem("line " + lineNumber + ": malformed exclude");
                    }
                }
                case "replace" -> replace(arguments, lineNumber);
                default -> checkKnown(directive, lineNumber);
            }
        }

        private void replace(List<String> arguments, int lineNumber) {
            int arrow = arguments.indexOf("=>");
            if (arrow < 1 || arrow > 2 || arguments.size() - arrow - 1 < 1 || arguments.size() - arrow - 1 > 2) {
                problem("line " + lineNumber + ": malformed replace");
                return;
            }
            String oldPath = arguments.get(0);
            String oldVersion = arrow == 2 ? arguments.get(1) : "";
            String newPath = arguments.get(arrow + 1);
            String newVersion = arguments.size() - arrow - 1 == 2 ? arguments.get(arrow + 2) : "";
            boolean oldValid =
                    GoModules.isModulePath(oldPath) && (oldVersion.isEmpty() || GoModules.isVersion(oldVersion));
            boolean newValid = newVersion.isEmpty()
                    ? GoModules.isLocalPath(newPath)
                    : GoModules.isModulePath(newPath) && GoModules.isVersion(newVersion);
            if (!oldValid || !newValid) {
                problem("line " + lineNumber + ": malformed replace");
                return;
            }
            replaces.add(new Replace(oldPath, oldVersion, newPath, newVersion));
        }

        private static boolean moduleVersion(String path, String version) {
            return GoModules.isModulePath(path) && GoModules.isVersion(version);
        }

        static boolean isKnown(String directive) {
            return switch (directive) {
                case "module", "go", "toolchain", "require", "exclude", "replace" -> true;
                default -> IGNORED_DIRECTIVES.contains(directive);
            };
        }

        void problem(String problem) {
            if (problems.size() < MAX_PROBLEMS) {
                problems.add(problem);
            }
        }

        GoModFile build() {
            return new GoModFile(modulePath, goVersion, toolchain, requires, replaces, excludes, problems);
        }
    }

    /** Shortens and cleans a token from a hostile file before it goes into a message. */
    static String printable(String token) {
        String shortened = token.length() > 60 ? token.substring(0, 60) + "..." : token;
        StringBuilder cleaned = new StringBuilder(shortened.length());
        shortened
                .codePoints()
                .forEach(codePoint -> cleaned.appendCodePoint(
                        Character.isISOControl(codePoint) || codePoint == 0xFFFD ? '?' : codePoint));
        return cleaned.toString();
    }

    /** The tokens of one line and whether its trailing comment is Go's {@code indirect} marker. */
    private record Line(List<String> tokens, boolean indirect) {
        static Line lex(String line) {
            List<String> tokens = new ArrayList<>();
            StringBuilder current = new StringBuilder();
            boolean indirect = false;
            int index = 0;
            while (index < line.length()) {
                char ch = line.charAt(index);
                if (ch == '/' && index + 1 < line.length() && line.charAt(index + 1) == '/') {
                    String comment = line.substring(index + 2).strip().toLowerCase(Locale.ROOT);
                    // Go writes "// indirect" and keeps other text after "; " ("// indirect; reason").
                    indirect = comment.equals("indirect") || comment.startsWith("indirect;");
                    break;
                }
                if (ch == '"' || ch == '`') {
                    int end = closingQuote(line, index, ch);
                    current.append(unquote(line.substring(index + 1, end), ch));
                    index = Math.min(end + 1, line.length());
                    continue;
                }
                if (Character.isWhitespace(ch)) {
                    flush(tokens, current);
                } else if (ch == '(' || ch == ')') {
                    flush(tokens, current);
                    tokens.add(String.valueOf(ch));
                } else {
                    current.append(ch);
                }
                index++;
            }
            flush(tokens, current);
            return new Line(tokens, indirect);
        }

        private static int closingQuote(String line, int open, char quote) {
            int index = open + 1;
            while (index < line.length()) {
                char ch = line.charAt(index);
                if (quote == '"' && ch == '\\') {
                    index += 2;
                    continue;
                }
                if (ch == quote) {
                    return index;
                }
                index++;
            }
            return line.length();
        }

        private static String unquote(String body, char quote) {
            if (quote == '`') {
                return body;
            }
            StringBuilder text = new StringBuilder(body.length());
            for (int index = 0; index < body.length(); index++) {
                char ch = body.charAt(index);
                if (ch == '\\' && index + 1 < body.length()) {
                    index++;
                    ch = body.charAt(index);
                }
                text.append(ch);
            }
            return text.toString();
        }

        private static void flush(List<String> tokens, StringBuilder current) {
            if (!current.isEmpty()) {
                tokens.add(current.toString());
                current.setLength(0);
            }
        }
    }
}
