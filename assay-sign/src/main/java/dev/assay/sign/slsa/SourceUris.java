package dev.assay.sign.slsa;

import java.util.Locale;

/**
 * Repository URIs compared the way slsa-verifier's {@code --source-uri} expects: {@code github.com/org/repo}
 * means {@code https://github.com/org/repo}; {@code git+}, a trailing {@code .git} or slash, and the case of
 * scheme and host do not matter. The path's case does: it is the repository's name.
 */
public final class SourceUris {
    private SourceUris() {}

    public static String normalize(String uri) {
        String value = uri.strip();
        if (value.startsWith("git+")) {
            value = value.substring(4);
        }
        int schemeEnd = value.indexOf("://");
        if (schemeEnd < 0) {
            value = "https://" + value;
            schemeEnd = "https".length();
        }
        int pathStart = value.indexOf('/', schemeEnd + 3);
        String authority = pathStart < 0 ? value : value.substring(0, pathStart);
        String path = pathStart < 0 ? "" : value.substring(pathStart);
        while (path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        if (path.endsWith(".git")) {
            path = path.substring(0, path.length() - 4);
        }
        return authority.toLowerCase(Locale.ROOT) + path;
    }

    public static boolean same(String expected, String actual) {
        return normalize(expected).equals(normalize(actual));
    }
}
