package dev.assay.version;

import java.util.ArrayList;
import java.util.List;

/**
 * RubyGems' {@code Gem::Version} order, as current RubyGems defines it. A version is digits followed by
 * dot-separated alphanumeric segments, optionally a {@code -} suffix; surrounding whitespace is ignored and a
 * blank string is {@code 0}. A hyphen reads as a dot before a label with letters ({@code 1.0.0-beta.1 ==
 * 1.0.0.beta.1}) and as {@code .pre.} before a number ({@code 1.0.0-1} is a pre-release of 1.0.0); a version
 * with any letter is a pre-release. Segments are the digit runs and letter runs in turn; trailing zeros and
 * the zeros just before the first letters do not count, nor does a {@code pre} in front of a label. Segments
 * then compare in turn, padding with 0: numbers by value, letters by byte order and always before numbers. So
 * {@code 1.0.a < 1.0 == 1}, {@code 1.0.0.pre1 < 1.0.0}, {@code 1.8.2.b > 1.8.2.a10 > 1.8.2.a9}.
 */
public final class RubyGemsVersionScheme extends ParsedVersionScheme<List<String>> {
    static final String ID = "gem";

    RubyGemsVersionScheme() {}

    @Override
    public String id() {
        return ID;
    }

    @Override
    int compareRead(List<String> a, List<String> b) {
        int length = Math.max(a.size(), b.size());
        for (int i = 0; i < length; i++) {
            String x = i < a.size() ? a.get(i) : "0";
            String y = i < b.size() ? b.get(i) : "0";
            boolean xNumber = VersionText.isAsciiDigit(x.charAt(0));
            boolean yNumber = VersionText.isAsciiDigit(y.charAt(0));
            int result;
            if (xNumber && yNumber) {
                result = VersionText.compareDigits(x, y);
            } else if (xNumber != yNumber) {
                result = xNumber ? 1 : -1;
            } else {
                result = Integer.signum(x.compareTo(y));
            }
            if (result != 0) {
                return result;
            }
        }
        return 0;
    }

    /** The canonical segments (digits without leading zeros, or letters), or null when not a gem version. */
    @Override
    List<String> read(String version) {
        if (version == null || version.length() > VersionText.MAX_LENGTH) {
            return null;
        }
        String text = version.strip();
        if (text.isEmpty()) {
            text = "0";
        }
        if (!matchesGemPattern(text)) {
            return null;
        }
        String normalized = normalizeHyphens(text);
        String canonical = withoutTrailingZeros(normalized);
        if (containsLetter(normalized)) {
            canonical = withoutZerosBeforeFirstLetters(canonical);
        }
        return withoutRedundantPre(segments(canonical));
    }

    /**
     * A hyphen becomes a dot when the identifier after it has a letter ({@code 1.0.0-beta.1} is {@code
     * 1.0.0.beta.1}) and {@code .pre.} otherwise ({@code 1.0.0-1} is the pre-release {@code 1.0.0.pre.1}).
     */
    private static String normalizeHyphens(String text) {
        if (text.indexOf('-') < 0) {
            return text;
        }
        List<String> parts = new ArrayList<>();
        int start = 0;
        for (int i = 0; i <= text.length(); i++) {
            if (i == text.length() || text.charAt(i) == '-') {
                parts.add(text.substring(start, i));
                start = i + 1;
            }
        }
        // Ruby's split drops trailing empty parts ("1.0-a-" is "1.0.a").
        while (parts.size() > 1 && parts.getLast().isEmpty()) {
            parts.removeLast();
        }
        StringBuilder joined = new StringBuilder(parts.getFirst());
        for (String part : parts.subList(1, parts.size())) {
            int dot = part.indexOf('.');
            String firstIdentifier = dot < 0 ? part : part.substring(0, dot);
            joined.append('.');
            if (!containsLetter(firstIdentifier)) {
                joined.append("pre.");
            }
            joined.append(part);
        }
        return joined.toString();
    }

    /** Drops a trailing run of zeros and dots that follows a letter or a dot ({@code 1.0.0} is {@code 1.}). */
    private static String withoutTrailingZeros(String text) {
        int runStart = text.length();
        while (runStart > 0 && isZeroOrDot(text.charAt(runStart - 1))) {
            runStart--;
        }
        for (int cut = Math.max(runStart, 1); cut < text.length(); cut++) {
            char before = text.charAt(cut - 1);
            if (VersionText.isAsciiLetter(before) || before == '.') {
                return text.substring(0, cut);
            }
        }
        return text;
    }

    /**
     * In a pre-release, drops the first run of zeros and dots that starts a segment and runs into letters
     * ({@code 1.0.0.a.1} is {@code 1.a.1}), so that the numbers before the first letters lose their zeros.
     */
    private static String withoutZerosBeforeFirstLetters(String text) {
        for (int start = 0; start < text.length(); start++) {
            if ((start > 0 && text.charAt(start - 1) != '.') || !isZeroOrDot(text.charAt(start))) {
                continue;
            }
            int end = start;
            while (end < text.length() && isZeroOrDot(text.charAt(end))) {
                end++;
            }
            if (end < text.length() && VersionText.isAsciiLetter(text.charAt(end))) {
                return text.substring(0, start) + text.substring(end);
            }
        }
        return text;
    }

    /** The digit runs (without leading zeros) and letter runs, in order. */
    private static List<String> segments(String text) {
        List<String> segments = new ArrayList<>();
        int position = 0;
        while (position < text.length()) {
            char c = text.charAt(position);
            int start = position;
            if (VersionText.isAsciiDigit(c)) {
                while (position < text.length() && VersionText.isAsciiDigit(text.charAt(position))) {
                    position++;
                }
                segments.add(VersionText.stripLeadingZeros(text.substring(start, position)));
            } else if (VersionText.isAsciiLetter(c)) {
                while (position < text.length() && VersionText.isAsciiLetter(text.charAt(position))) {
                    position++;
                }
                segments.add(text.substring(start, position));
            } else {
                position++;
            }
        }
        return segments;
    }

    /** A {@code pre} segment followed by letters is the old spelling of a hyphen and is skipped. */
    private static List<String> withoutRedundantPre(List<String> segments) {
        List<String> result = new ArrayList<>(segments.size());
        for (int i = 0; i < segments.size(); i++) {
            boolean redundant = segments.get(i).equals("pre")
                    && i + 1 < segments.size()
                    && !VersionText.isAsciiDigit(segments.get(i + 1).charAt(0));
            if (!redundant) {
                result.add(segments.get(i));
            }
        }
        return List.copyOf(result);
    }

    private static boolean isZeroOrDot(char c) {
        return c == '0' || c == '.';
    }

    private static boolean containsLetter(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (VersionText.isAsciiLetter(text.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    /**
     * {@code Gem::Version}'s pattern: digits, then {@code .segment} (alphanumeric) any number of times, then
     * optionally {@code -} and dot-separated segments of alphanumerics and hyphens.
     */
    private static boolean matchesGemPattern(String text) {
        int position = 0;
        while (position < text.length() && VersionText.isAsciiDigit(text.charAt(position))) {
            position++;
        }
        if (position == 0) {
            return false;
        }
        while (position < text.length() && text.charAt(position) == '.') {
            int start = ++position;
            while (position < text.length() && VersionText.isAsciiAlphanumeric(text.charAt(position))) {
                position++;
            }
            if (position == start) {
                return false;
            }
        }
        if (position == text.length()) {
            return true;
        }
        if (text.charAt(position) != '-') {
            return false;
        }
        do {
            int start = ++position;
            while (position < text.length()
                    && (VersionText.isAsciiAlphanumeric(text.charAt(position)) || text.charAt(position) == '-')) {
                position++;
            }
            if (position == start) {
                return false;
            }
        } while (position < text.length() && text.charAt(position) == '.');
        return position == text.length();
    }
}
