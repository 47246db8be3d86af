package dev.assay.sign;

import java.util.Locale;

/**
 * Text taken from a signed document (a builder id, a subject name) on its way into a verdict. Verdicts reach
 * terminals, and a signature says nothing about whether its text is safe to print: control and bidi
 * characters are shown escaped, not obeyed, and long values are cut.
 */
public final class SignedText {
    private static final int MAX_CODE_POINTS = 300;

    private SignedText() {}

    public static String printable(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(Math.min(text.length(), MAX_CODE_POINTS) + 8);
        text.codePoints().limit(MAX_CODE_POINTS).forEach(c -> {
            if (Character.isISOControl(c)
                    || (c >= 0x202A && c <= 0x202E)
                    || (c >= 0x2066 && c <= 0x2069)
                    || c == 0x2028
                    || c == 0x2029) {
                out.append(String.format(Locale.ROOT, "\\u%04x", c));
            } else {
                out.appendCodePoint(c);
            }
        });
        if (text.codePointCount(0, text.length()) > MAX_CODE_POINTS) {
            out.append("...");
        }
        return out.toString();
    }
}
