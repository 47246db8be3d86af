package dev.assay.version;

import java.util.ArrayList;
import java.util.List;

/**
 * RubyGems' {@code Gem::Version} order. A version is digits followed by dot-separated alphanumeric segments,
 * optionally a {@code -} suffix (read as {@code .pre.}); surrounding whitespace is ignored and a blank string
 * is {@code 0}. Segments are the digit runs and letter runs in turn; a version with any letter is a
 * pre-release. Trailing zeros are dropped from the numeric part and from the part after the first letters,
 * then segments compare in turn, padding with 0: numbers by value, letters by byte order and always before
 * numbers. So {@code 1.0.a < 1.0 == 1}, {@code 1.0.0.pre1 < 1.0.0}, {@code 1.0.b1 > 1.0.a2}.
 */
public final class RubyGemsVersionScheme implements VersionScheme {
    static final String ID = "gem";

    RubyGemsVersionScheme() {}

    @Override
    public String id() {
        return ID;
    }

    @Override
    public int compare(String left, String right) {
        List<String> a = parse(left);
        List<String> b = parse(right);
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

    @Override
    public boolean isValid(String version) {
        return read(version) != null;
    }

    private static List<String> parse(String version) {
        List<String> segments = read(version);
        if (segments == null) {
            throw VersionText.invalid(ID, version);
        }
        return segments;
    }

    /** The canonical segments (digits without leading zeros, or letters), or null when not a gem version. */
    private static List<String> read(String version) {
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
        text = text.replace("-", ".pre.");
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
        int firstLetters = 0;
        while (firstLetters < segments.size() && VersionText.isAsciiDigit(segments.get(firstLetters).charAt(0))) {
            firstLetters++;
        }
        List<String> canonical = new ArrayList<>(withoutTrailingZeros(segments.subList(0, firstLetters)));
        canonical.addAll(withoutTrailingZeros(segments.subList(firstLetters, segments.size())));
        return List.copyOf(canonical);
    }

    private static List<String> withoutTrailingZeros(List<String> segments) {
        int end = segments.size();
        while (end > 0 && segments.get(end - 1).equals("0")) {
            end--;
        }
        return segments.subList(0, end);
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
