package dev.assay.report;

import java.util.regex.Pattern;

/**
 * Text from advisories, SBOMs and VEX documents made safe to print on a terminal. Any of those can carry
 * escape sequences (which recolour, retitle or rewrite the terminal, or hide lines), carriage returns and
 * newlines (which forge table rows), and invisible format characters such as bidirectional overrides (which
 * make a name read differently from what it is). All of them are removed or turned into a space, so one
 * finding is always one line and what is shown is what the data says.
 *
 * <p>Widths count code points: wide East Asian characters take two columns on most terminals and are not
 * accounted for; such names only misalign a row, they never corrupt the table.
 */
final class TerminalText {
    /** CSI (ESC [ ... final), OSC (ESC ] ... BEL or ST), other two-byte ESC sequences, and 8-bit CSI. */
    private static final Pattern ESCAPE_SEQUENCE = Pattern.compile(
            "\u001B\\[[0-?]*[ -/]*[@-~]?|\u001B\\][^\u0007\u001B]*(?:\u0007|\u001B\\\\)?|\u001B[ -~]?|\u009B[0-?]*[ -/]*[@-~]?");

    /** Line and paragraph breaks, tabs and other white space controls: each run becomes one space. */
    private static final Pattern BREAKS = Pattern.compile("[\\t\\n\\u000B\\f\\r\\u0085\\u2028\\u2029]+");

    /** Remaining controls (C0, DEL, C1), format characters (bidi overrides, zero-width) and private use. */
    private static final Pattern INVISIBLE = Pattern.compile("[\\p{Cc}\\p{Cf}\\p{Co}]");

    static final String ELLIPSIS = "\u2026";

    private TerminalText() {}

    /** {@code text} as one printable line; null becomes empty. */
    static String clean(String text) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        String withoutEscapes = ESCAPE_SEQUENCE.matcher(text).replaceAll("");
        String oneLine = BREAKS.matcher(withoutEscapes).replaceAll(" ");
        String visible = INVISIBLE.matcher(oneLine).replaceAll("");
        return replaceLoneSurrogates(visible).strip();
    }

    static int width(String text) {
        return text.codePointCount(0, text.length());
    }

    /** {@code text} cut to at most {@code max} columns, ending in an ellipsis when cut. */
    static String fit(String text, int max) {
        if (width(text) <= max) {
            return text;
        }
        if (max <= 1) {
            return max == 1 ? ELLIPSIS : "";
        }
        int end = text.offsetByCodePoints(0, max - 1);
        return text.substring(0, end) + ELLIPSIS;
    }

    /** {@code text} cut to at most {@code max} columns from the start, beginning with an ellipsis when cut. */
    static String fitStart(String text, int max) {
        int width = width(text);
        if (width <= max) {
            return text;
        }
        if (max <= 1) {
            return max == 1 ? ELLIPSIS : "";
        }
        int start = text.offsetByCodePoints(0, width - (max - 1));
        return ELLIPSIS + text.substring(start);
    }

    /** {@code text} padded with spaces to {@code width} columns (never cut). */
    static String pad(String text, int width) {
        int missing = width - width(text);
        return missing <= 0 ? text : text + " ".repeat(missing);
    }

    /** Unpaired UTF-16 surrogates (possible in JSON input through escapes) cannot be encoded as UTF-8. */
    static String replaceLoneSurrogates(String text) {
        StringBuilder builder = null;
        for (int index = 0; index < text.length(); index++) {
            char current = text.charAt(index);
            boolean paired = Character.isHighSurrogate(current)
                    ? index + 1 < text.length() && Character.isLowSurrogate(text.charAt(index + 1))
                    : !Character.isLowSurrogate(current)
                            || (index > 0 && Character.isHighSurrogate(text.charAt(index - 1)));
            if (!paired) {
                if (builder == null) {
                    builder = new StringBuilder(text.length()).append(text, 0, index);
                }
                builder.append('\uFFFD');
            } else if (builder != null) {
                builder.append(current);
            }
        }
        return builder == null ? text : builder.toString();
    }
}
