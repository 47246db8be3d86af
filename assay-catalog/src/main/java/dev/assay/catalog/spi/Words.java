package dev.assay.catalog.spi;

import java.util.ArrayList;
import java.util.List;

/**
 * Text split at runs of white space, exactly as {@code String.split("\\s+")} and {@code
 * String.split("\\s+", limit)} split it, without a regular expression: lockfile parsers split a line or a
 * field per package, and compiling the pattern on every call cost more than the parsing around it.
 */
public final class Words {
    private Words() {}

    /** As {@code text.split("\\s+")}: trailing empty words dropped, a leading one kept. */
    public static List<String> split(String text) {
        List<String> words = split(text, Integer.MAX_VALUE);
        while (words.size() > 1 && words.get(words.size() - 1).isEmpty()) {
            words.remove(words.size() - 1);
        }
        if (words.size() == 1 && words.get(0).isEmpty() && !text.isEmpty()) {
            words.clear(); // white space only: String.split gives no word at all
        }
        return words;
    }

    /** As {@code text.split("\\s+", limit)} for a positive limit: the last word keeps the rest of the text. */
    public static List<String> split(String text, int limit) {
        List<String> words = new ArrayList<>();
        int length = text.length();
        int start = 0;
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            // Most characters are above the space: one comparison, no call (a cold run interprets this loop).
            if (c <= ' ' && isWhitespace(c) && words.size() < limit - 1) {
                words.add(text.substring(start, i));
                while (i + 1 < length && isWhitespace(text.charAt(i + 1))) {
                    i++;
                }
                start = i + 1;
            }
        }
        words.add(text.substring(start));
        return words;
    }

    /** White space as {@code \s} defines it without UNICODE_CHARACTER_CLASS. */
    private static boolean isWhitespace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
    }
}
