package dev.assay.catalog.spi;

import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.Locale;
import java.util.function.Predicate;

/**
 * A glob over relative paths ({@code **}/{@code package-lock.json}, {@code **}/{@code *.jar}). The common
 * shapes, a file name or an extension anywhere, compile to plain string tests because a root filesystem
 * has hundreds of thousands of paths and every cataloger's pattern is tried on each.
 */
public final class PathPattern {
    private final String glob;
    private final Predicate<String> test;

    private PathPattern(String glob, Predicate<String> test) {
        this.glob = glob;
        this.test = test;
    }

    public static PathPattern glob(String glob) {
        if (glob.equals("**/*") || glob.equals("**")) {
            return new PathPattern(glob, path -> true);
        }
        if (glob.startsWith("**/")) {
            String rest = glob.substring(3);
            if (isLiteralPath(rest)) {
                String suffix = "/" + rest;
                return new PathPattern(glob, path -> path.equals(rest) || path.endsWith(suffix));
            }
            if (rest.startsWith("*.") && isLiteral(rest.substring(1))) {
                String extension = rest.substring(1).toLowerCase(Locale.ROOT);
                return new PathPattern(
                        glob, path -> path.toLowerCase(Locale.ROOT).endsWith(extension));
            }
        }
        boolean anywhere = glob.startsWith("**/");
        String anchored = anywhere ? glob.substring(3) : glob;
        PathMatcher atRoot = FileSystems.getDefault().getPathMatcher("glob:/" + anchored);
        PathMatcher below = FileSystems.getDefault().getPathMatcher("glob:/**/" + anchored);
        // Every match ends with the glob's literal tail; testing that first keeps the regex matcher off the
        // hundreds of thousands of paths of a root filesystem that cannot match.
        String literalTail = literalTail(glob);
        return new PathPattern(glob, path -> {
            if (!endsWithAsAbsolute(path, literalTail)) {
                return false;
            }
            Path absolute = Path.of("/" + path);
            return atRoot.matches(absolute) || (anywhere && below.matches(absolute));
        });
    }

    /** Several globs; a path matches when any matches. */
    public static PathPattern anyOf(String... globs) {
        PathPattern[] patterns = new PathPattern[globs.length];
        for (int index = 0; index < globs.length; index++) {
            patterns[index] = glob(globs[index]);
        }
        return new PathPattern(String.join(",", globs), path -> {
            for (PathPattern pattern : patterns) {
                if (pattern.matches(path)) {
                    return true;
                }
            }
            return false;
        });
    }

    public boolean matches(String relativePath) {
        return test.test(relativePath);
    }

    @Override
    public String toString() {
        return glob;
    }

    private static String literalTail(String glob) {
        int start = glob.length();
        while (start > 0 && "*?[]{}\\".indexOf(glob.charAt(start - 1)) < 0) {
            start--;
        }
        return glob.substring(start);
    }

    /** Whether {@code "/" + path} ends with {@code tail}, without building that string for every path. */
    private static boolean endsWithAsAbsolute(String path, String tail) {
        if (path.endsWith(tail)) {
            return true;
        }
        return tail.length() == path.length() + 1 && tail.charAt(0) == '/' && tail.endsWith(path);
    }

    private static boolean isLiteralPath(String text) {
        return !text.isEmpty()
                && !text.startsWith("/")
                && !text.endsWith("/")
                && !text.contains("//")
                && text.chars().noneMatch(ch -> "*?[]{}\\".indexOf(ch) >= 0);
    }

    private static boolean isLiteral(String text) {
        return !text.isEmpty() && text.chars().noneMatch(ch -> "*?[]{}/\\".indexOf(ch) >= 0);
    }
}
