package dev.assay.version;

import java.util.ArrayList;
import java.util.List;

/**
 * Alpine's apk-tools order, also used by Wolfi and Chainguard: {@code
 * N{.N}...[letter]{_suffix[N]}...[~hash][-rN]}. Numbers compare by value, except that a non-first number
 * with a leading zero compares as a string, as in Gentoo ({@code 1.01 < 1.1}, {@code 1.0 < 1.00}); suffixes
 * order {@code _alpha < _beta < _pre < _rc <} none {@code < _cvs < _svn < _git < _hg < _p}; {@code -rN} is
 * the package revision. Where one version continues and the other does not, the longer is newer, unless it
 * continues with a pre-release suffix: {@code 1.2_rc1 < 1.2 < 1.2-r1 < 1.2_p1 < 1.2a < 1.2.1}.
 */
public final class ApkVersionScheme extends ParsedVersionScheme<List<ApkVersionScheme.Token>> {
    static final String ID = "apk";

    private static final List<String> SUFFIXES =
            List.of("alpha", "beta", "pre", "rc", "", "cvs", "svn", "git", "hg", "p");
    private static final int NO_SUFFIX = SUFFIXES.indexOf("");

    ApkVersionScheme() {}

    @Override
    public String id() {
        return ID;
    }

    @Override
    int compareRead(List<Token> a, List<Token> b) {
        int length = Math.max(a.size(), b.size());
        for (int i = 0; i < length; i++) {
            Token x = i < a.size() ? a.get(i) : Token.END;
            Token y = i < b.size() ? b.get(i) : Token.END;
            int result = Integer.compare(x.rank(), y.rank());
            if (result == 0) {
                result = x.compareValue(y);
            }
            if (result != 0) {
                return result;
            }
        }
        return 0;
    }

    /**
     * Token kinds in the order the grammar allows them; when two versions differ in kind at the same place,
     * the one whose token comes later in the grammar (or that has ended) is older, except that a pre-release
     * suffix is older than anything.
     */
    enum Kind {
        INITIAL_DIGIT,
        DIGIT,
        LETTER,
        SUFFIX,
        SUFFIX_NUMBER,
        COMMIT_HASH,
        REVISION,
        END
    }

    record Token(Kind kind, String value, int suffix) {
        static final Token END = new Token(Kind.END, "", NO_SUFFIX);

        /** Higher is newer: pre-release suffixes lowest, then the end, then the grammar order reversed. */
        int rank() {
            return switch (kind) {
                case SUFFIX -> suffix < NO_SUFFIX ? -1 : 4;
                case END -> 0;
                case REVISION -> 1;
                case COMMIT_HASH -> 2;
                case SUFFIX_NUMBER -> 3;
                case LETTER -> 5;
                case DIGIT -> 6;
                case INITIAL_DIGIT -> 7;
            };
        }

        int compareValue(Token other) {
            return switch (kind) {
                case INITIAL_DIGIT, SUFFIX_NUMBER, REVISION -> VersionText.compareDigits(value, other.value);
                case DIGIT ->
                    value.charAt(0) == '0' || other.value.charAt(0) == '0'
                            ? Integer.signum(value.compareTo(other.value))
                            : VersionText.compareDigits(value, other.value);
                case LETTER, COMMIT_HASH -> Integer.signum(value.compareTo(other.value));
                case SUFFIX -> Integer.compare(suffix, other.suffix);
                case END -> 0;
            };
        }
    }

    /** The tokens of a valid version, or null, following the grammar apk-tools validates against. */
    @Override
    List<Token> read(String text) {
        if (text == null || text.length() > VersionText.MAX_LENGTH) {
            return null;
        }
        List<Token> tokens = new ArrayList<>();
        int position = digitsEnd(text, 0);
        if (position == 0) {
            return null;
        }
        tokens.add(new Token(Kind.INITIAL_DIGIT, text.substring(0, position), NO_SUFFIX));
        Kind last = Kind.INITIAL_DIGIT;
        while (position < text.length()) {
            char c = text.charAt(position);
            int start;
            if (c >= 'a' && c <= 'z') {
                if (last.compareTo(Kind.DIGIT) > 0) {
                    return null;
                }
                last = Kind.LETTER;
                tokens.add(new Token(last, String.valueOf(c), NO_SUFFIX));
                position++;
            } else if (c == '.' || VersionText.isAsciiDigit(c)) {
                if (c == '.' && last.compareTo(Kind.DIGIT) > 0) {
                    return null;
                }
                start = c == '.' ? position + 1 : position;
                if (last == Kind.INITIAL_DIGIT || last == Kind.DIGIT) {
                    last = Kind.DIGIT;
                } else if (last == Kind.SUFFIX) {
                    last = Kind.SUFFIX_NUMBER;
                } else {
                    return null;
                }
                position = digitsEnd(text, start);
                if (position == start) {
                    return null;
                }
                tokens.add(new Token(last, text.substring(start, position), NO_SUFFIX));
            } else if (c == '_') {
                if (last.compareTo(Kind.SUFFIX_NUMBER) > 0) {
                    return null;
                }
                start = position + 1;
                position = start;
                while (position < text.length() && text.charAt(position) >= 'a' && text.charAt(position) <= 'z') {
                    position++;
                }
                String word = text.substring(start, position);
                int suffix = word.isEmpty() ? -1 : SUFFIXES.indexOf(word);
                if (suffix < 0) {
                    return null;
                }
                last = Kind.SUFFIX;
                tokens.add(new Token(last, word, suffix));
            } else if (c == '~') {
                if (last.compareTo(Kind.COMMIT_HASH) >= 0) {
                    return null;
                }
                start = position + 1;
                position = start;
                while (position < text.length() && isHexDigit(text.charAt(position))) {
                    position++;
                }
                if (position == start) {
                    return null;
                }
                last = Kind.COMMIT_HASH;
                tokens.add(new Token(last, text.substring(start, position), NO_SUFFIX));
            } else if (c == '-') {
                if (last.compareTo(Kind.REVISION) >= 0 || !text.startsWith("-r", position)) {
                    return null;
                }
                start = position + 2;
                position = digitsEnd(text, start);
                if (position == start) {
                    return null;
                }
                last = Kind.REVISION;
                tokens.add(new Token(last, text.substring(start, position), NO_SUFFIX));
            } else {
                return null;
            }
        }
        return tokens;
    }

    private static int digitsEnd(String text, int start) {
        int position = start;
        while (position < text.length() && VersionText.isAsciiDigit(text.charAt(position))) {
            position++;
        }
        return position;
    }

    private static boolean isHexDigit(char c) {
        return VersionText.isAsciiDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }
}
