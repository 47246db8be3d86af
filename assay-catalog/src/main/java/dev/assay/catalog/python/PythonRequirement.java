package dev.assay.catalog.python;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One PEP 508 dependency specifier, as found in requirements files, {@code Requires-Dist} headers,
 * {@code [project].dependencies} and PDM lockfiles: {@code name[extra,...] (specifier | @ url) ; marker}.
 * The older {@code name (>=1.0)} form of core metadata is accepted too.
 *
 * @param name the name as written
 * @param specifier the version specifier without parentheses, empty for none
 * @param marker the environment marker, empty for none
 * @param url the direct reference after {@code @}, empty for none
 */
record PythonRequirement(String name, List<String> extras, String specifier, String marker, String url) {
    /**
     * {@code ==1.2.3} or {@code ===1.2.3}; a wildcard ({@code ==1.2.*}) is a range, not a pin. A direct
     * reference written after the pin ({@code ==3.7.1 @ git+https://...}, seen in the wild) is ignored.
     */
    private static final Pattern PINNED =
            Pattern.compile("(===?)\\s*([A-Za-z0-9][A-Za-z0-9.+!_-]{0,127})\\s*(@.*)?", Pattern.DOTALL);

    PythonRequirement {
        extras = List.copyOf(extras);
    }

    /** Parses a specifier, or returns empty when it does not start with a valid name. */
    static Optional<PythonRequirement> parse(String text) {
        String rest = text.strip();
        int nameEnd = 0;
        while (nameEnd < rest.length() && isNameChar(rest.charAt(nameEnd))) {
            nameEnd++;
        }
        String name = rest.substring(0, nameEnd);
        if (!PypiPackages.isValidName(name)) {
            return Optional.empty();
        }
        rest = rest.substring(nameEnd).strip();
        List<String> extras = new ArrayList<>();
        if (rest.startsWith("[")) {
            int close = rest.indexOf(']');
            if (close < 0) {
                return Optional.empty();
            }
            for (String extra : rest.substring(1, close).split(",", -1)) {
                if (!extra.isBlank()) {
                    extras.add(extra.strip());
                }
            }
            rest = rest.substring(close + 1).strip();
        }
        String url = "";
        String specifier;
        String marker = "";
        if (rest.startsWith("@")) {
            // In a direct reference the marker must be set off by whitespace: a URL may contain ';'.
            String reference = rest.substring(1).strip();
            int markerStart = indexOfSpacedSemicolon(reference);
            url = (markerStart < 0 ? reference : reference.substring(0, markerStart)).strip();
            marker = markerStart < 0
                    ? ""
                    : reference.substring(markerStart).strip().substring(1).strip();
            specifier = "";
        } else {
            int semicolon = rest.indexOf(';');
            specifier = (semicolon < 0 ? rest : rest.substring(0, semicolon)).strip();
            marker = semicolon < 0 ? "" : rest.substring(semicolon + 1).strip();
            if (specifier.startsWith("(") && specifier.endsWith(")")) {
                specifier = specifier.substring(1, specifier.length() - 1).strip();
            }
            if (!specifier.isEmpty() && "=<>!~".indexOf(specifier.charAt(0)) < 0) {
                return Optional.empty();
            }
        }
        return Optional.of(new PythonRequirement(name, extras, specifier, marker, url));
    }

    /** The exact version this requirement pins, if it pins one. */
    Optional<String> pinnedVersion() {
        return pinnedVersion(specifier);
    }

    /** The exact version a specifier such as {@code ==1.2.3} pins, if it pins one. */
    static Optional<String> pinnedVersion(String specifier) {
        if (specifier.isEmpty() || specifier.indexOf(',') >= 0) {
            return Optional.empty();
        }
        Matcher matcher = PINNED.matcher(specifier.strip());
        return matcher.matches() ? Optional.of(matcher.group(2)) : Optional.empty();
    }

    String normalizedName() {
        return PypiPackages.normalize(name);
    }

    private static boolean isNameChar(char ch) {
        return (ch >= 'a' && ch <= 'z')
                || (ch >= 'A' && ch <= 'Z')
                || (ch >= '0' && ch <= '9')
                || ch == '.'
                || ch == '_'
                || ch == '-';
    }

    private static int indexOfSpacedSemicolon(String text) {
        for (int index = 1; index < text.length(); index++) {
            if (text.charAt(index) == ';' && Character.isWhitespace(text.charAt(index - 1))) {
                return index;
            }
        }
        return -1;
    }
}
