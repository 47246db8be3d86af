package dev.assay.policy.pss;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;

/**
 * The phrasing helpers pod-security-admission builds its messages with, so that every check words its
 * detail as PSA does: quoted name lists, singular or plural nouns, and sets listed in Go's sort order.
 */
final class Wording {
    /**
     * Go's {@code sort.Strings} compares UTF-8 bytes, which is code point order; Java's natural order
     * compares UTF-16 units and differs above the Basic Multilingual Plane.
     */
    static final Comparator<String> GO_ORDER = (left, right) -> {
        int i = 0;
        int j = 0;
        while (i < left.length() && j < right.length()) {
            int a = left.codePointAt(i);
            int b = right.codePointAt(j);
            if (a != b) {
                return Integer.compare(a, b);
            }
            i += Character.charCount(a);
            j += Character.charCount(b);
        }
        return Integer.compare(left.length() - i, right.length() - j);
    };

    private Wording() {}

    static String pluralize(String singular, String plural, int count) {
        return count == 1 ? singular : plural;
    }

    /** {@code "a", "b"}: PSA quotes names without escaping them. */
    static String joinQuote(Collection<String> items) {
        return items.isEmpty() ? "" : "\"" + String.join("\", \"", items) + "\"";
    }

    /** {@code container "a"} or {@code containers "a", "b"}. */
    static String containers(List<String> names) {
        return pluralize("container", "containers", names.size()) + " " + joinQuote(names);
    }

    /** The distinct values in Go's sort order, as PSA lists a {@code sets.String}. */
    static List<String> sorted(Collection<String> values) {
        TreeSet<String> set = new TreeSet<>(GO_ORDER);
        set.addAll(values);
        return new ArrayList<>(set);
    }

    /** Go's {@code %q}: a double-quoted string with Go escapes, as PSA prints annotation values. */
    static String goQuote(String value) {
        StringBuilder quoted = new StringBuilder(value.length() + 2).append('"');
        value.codePoints().forEach(c -> {
            switch (c) {
                case '"' -> quoted.append("\\\"");
                case '\\' -> quoted.append("\\\\");
                case 0x07 -> quoted.append("\\a");
                case '\b' -> quoted.append("\\b");
                case '\f' -> quoted.append("\\f");
                case '\n' -> quoted.append("\\n");
                case '\r' -> quoted.append("\\r");
                case '\t' -> quoted.append("\\t");
                case 0x0B -> quoted.append("\\v");
                default -> appendRune(quoted, c);
            }
        });
        return quoted.append('"').toString();
    }

    private static void appendRune(StringBuilder quoted, int c) {
        if (c < 0x20 || c == 0x7F) {
            quoted.append(String.format(java.util.Locale.ROOT, "\\x%02x", c));
        } else if (printable(c)) {
            quoted.appendCodePoint(c);
        } else if (Character.isSurrogate((char) c) && c <= 0xFFFF) {
            // A lone surrogate cannot be UTF-8 encoded; Go would see the replacement character.
            quoted.append('\uFFFD');
        } else if (c <= 0xFFFF) {
            quoted.append(String.format(java.util.Locale.ROOT, "\\u%04x", c));
        } else {
            quoted.append(String.format(java.util.Locale.ROOT, "\\U%08x", c));
        }
    }

    /** Go's {@code unicode.IsPrint}: letters, marks, numbers, punctuation, symbols and the ASCII space. */
    private static boolean printable(int c) {
        if (c == ' ') {
            return true;
        }
        return switch (Character.getType(c)) {
            case Character.CONTROL,
                    Character.FORMAT,
                    Character.SURROGATE,
                    Character.PRIVATE_USE,
                    Character.UNASSIGNED,
                    Character.SPACE_SEPARATOR,
                    Character.LINE_SEPARATOR,
                    Character.PARAGRAPH_SEPARATOR -> false;
            default -> true;
        };
    }
}
