package dev.assay.version;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Composer's order for Packagist: a version is first normalized as Composer's {@code VersionParser} does
 * ({@code v} prefix and {@code @stability} flags and {@code +build} metadata dropped, classic versions padded
 * to four numbers, {@code a/b/p/pl} spelled {@code alpha/beta/patch}, {@code 1.x-dev} branches as {@code
 * 1.9999999.9999999.9999999-dev}, date versions like {@code 20231231} kept), then compared as PHP's {@code
 * version_compare} compares normalized versions: part by part, {@code dev < alpha < beta < RC <} (a missing
 * part) {@code <} numbers {@code < patch}. So {@code 1.0.0-dev < 1.0.0-alpha1 < 1.0.0-RC1 < 1.0 == v1.0.0.0
 * == 1.0.0-stable < 1.0.0-p1 < 1.0.1}.
 *
 * <p>Named branches ({@code dev-main}, {@code dev-feature/x}) are rejected: Composer itself does not order
 * them against versions, so a range cannot be decided for them.
 */
public final class ComposerVersionScheme extends ParsedVersionScheme<List<ComposerVersionScheme.Part>> {
    static final String ID = "composer";

    private static final String BRANCH_NUMBER = "9999999";

    ComposerVersionScheme() {}

    @Override
    public String id() {
        return ID;
    }

    @Override
    int compareRead(List<Part> a, List<Part> b) {
        int length = Math.max(a.size(), b.size());
        for (int i = 0; i < length; i++) {
            Part x = i < a.size() ? a.get(i) : Part.MISSING;
            Part y = i < b.size() ? b.get(i) : Part.MISSING;
            int result = Integer.compare(x.rank(), y.rank());
            if (result == 0 && x.rank() == Part.NUMBER_RANK) {
                result = VersionText.compareDigits(x.digits(), y.digits());
            }
            if (result != 0) {
                return result;
            }
        }
        return 0;
    }

    /**
     * Composer's normalized spelling ({@code 1.0.0.0-beta2}, {@code 2.1.9999999.9999999-dev}), or throws when
     * Composer would reject the version or it is a named branch.
     */
    public String normalize(String version) {
        String normalized = normalized(version);
        if (normalized == null) {
            throw VersionText.invalid(ID, version);
        }
        return normalized;
    }

    /**
     * One part of a normalized version by its place in {@code version_compare}: stability words by their
     * PHP order, numbers between the pre-release words and {@code patch}; a missing part ranks just below any
     * number, so {@code 1.0.0.0 < 1.0.0.0.0} but {@code 1.0.0.0-RC1 < 1.0.0.0}.
     */
    record Part(int rank, String digits) {
        static final int NUMBER_RANK = 5;
        static final Part MISSING = new Part(4, "");

        static Part word(String word) {
            return switch (word) {
                case "dev" -> new Part(0, "");
                case "alpha" -> new Part(1, "");
                case "beta" -> new Part(2, "");
                case "RC" -> new Part(3, "");
                case "patch" -> new Part(6, "");
                // PHP ranks words it does not know below "dev"; normalization leaves none, but stay total.
                default -> new Part(-1, "");
            };
        }
    }

    @Override
    List<Part> read(String version) {
        String normalized = normalized(version);
        if (normalized == null) {
            return null;
        }
        // version_compare's reading of a normalized version: '.' and '-' separate, and so does a change
        // between digits and letters ("beta2" is "beta", "2").
        List<Part> parts = new ArrayList<>();
        int position = 0;
        while (position < normalized.length()) {
            char c = normalized.charAt(position);
            int start = position;
            if (VersionText.isAsciiDigit(c)) {
                while (position < normalized.length() && VersionText.isAsciiDigit(normalized.charAt(position))) {
                    position++;
                }
                parts.add(new Part(Part.NUMBER_RANK, normalized.substring(start, position)));
            } else if (VersionText.isAsciiLetter(c)) {
                while (position < normalized.length() && VersionText.isAsciiLetter(normalized.charAt(position))) {
                    position++;
                }
                parts.add(Part.word(normalized.substring(start, position)));
            } else {
                position++;
            }
        }
        return List.copyOf(parts);
    }

    /** Composer's {@code VersionParser::normalize}, or null for what it rejects and for named branches. */
    private static String normalized(String version) {
        if (version == null || version.length() > VersionText.MAX_LENGTH) {
            return null;
        }
        String text = version.strip();
        int as = text.indexOf(" as ");
        if (as >= 0) {
            // "1.0.x-dev as 1.0.0": the version is what precedes the alias.
            text = text.substring(0, as).strip();
        }
        int at = text.lastIndexOf('@');
        if (at >= 0 && Stability.of(text.substring(at + 1)) != null) {
            text = text.substring(0, at);
        }
        String lower = text.toLowerCase(Locale.ROOT);
        if (lower.startsWith("dev-") || lower.equals("master") || lower.equals("trunk") || lower.equals("default")) {
            return null;
        }
        int plus = text.indexOf('+');
        if (plus > 0 && plus < text.length() - 1 && !containsSpaceOrComma(text.substring(plus))) {
            // Build metadata, which Composer drops; with a space in it the whole string is rejected below.
            text = text.substring(0, plus);
        }
        if (text.isEmpty() || containsSpaceOrComma(text)) {
            return null;
        }
        String classic = Classic.normalize(text);
        if (classic != null) {
            return classic;
        }
        return Classic.branch(text);
    }

    private static boolean containsSpaceOrComma(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == ',' || Character.isWhitespace(c)) {
                return true;
            }
        }
        return false;
    }

    /** Composer's stability words and their normalized spelling. */
    private enum Stability {
        STABLE("stable"),
        RC("RC"),
        BETA("beta"),
        ALPHA("alpha"),
        PATCH("patch"),
        DEV("dev");

        private final String normalized;

        Stability(String normalized) {
            this.normalized = normalized;
        }

        /** The stability a {@code @flag} names ({@code @dev}, {@code @RC}...), or null. */
        static Stability of(String flag) {
            return switch (flag.toLowerCase(Locale.ROOT)) {
                case "stable" -> STABLE;
                case "rc" -> RC;
                case "beta" -> BETA;
                case "alpha" -> ALPHA;
                case "dev" -> DEV;
                default -> null;
            };
        }
    }

    /**
     * The two shapes Composer accepts for a version: classic numbers or a date, each with an optional
     * modifier ({@code [._-]stability[number...]} then {@code [.-]dev}); and numeric branches ending in
     * {@code -dev}.
     */
    private static final class Classic {
        private final String text;
        private int position;

        private Classic(String text) {
            this.text = text;
        }

        static String normalize(String text) {
            Classic reader = new Classic(text);
            if (reader.peek() == 'v' || reader.peek() == 'V') {
                reader.position++;
            }
            int numbersStart = reader.position;
            String numbers = reader.classicNumbers();
            String modifier = numbers == null ? null : reader.modifier();
            if (modifier == null) {
                // Not a classic version ("2023-12-31-1" has no modifier "-12-31-1"): try a date.
                reader.position = numbersStart;
                numbers = reader.dateNumbers();
                modifier = numbers == null ? null : reader.modifier();
            }
            return modifier == null ? null : numbers + modifier;
        }

        /** {@code 1.x-dev}, {@code 2.1.*-dev}: a branch made of numbers and wildcards, padded with 9999999. */
        static String branch(String text) {
            String lower = text.toLowerCase(Locale.ROOT);
            if (!lower.endsWith("dev")) {
                return null;
            }
            String name = text.substring(0, text.length() - 3);
            if (name.endsWith(".") || name.endsWith("-")) {
                name = name.substring(0, name.length() - 1);
            }
            Classic reader = new Classic(name);
            if (reader.peek() == 'v' || reader.peek() == 'V') {
                reader.position++;
            }
            String first = reader.digits();
            if (first == null) {
                return null;
            }
            List<String> numbers = new ArrayList<>(List.of(first));
            while (numbers.size() < 4 && reader.peek() == '.') {
                reader.position++;
                char c = reader.peek();
                if (c == 'x' || c == 'X' || c == '*') {
                    reader.position++;
                    numbers.add(BRANCH_NUMBER);
                } else {
                    String digits = reader.digits();
                    if (digits == null) {
                        return null;
                    }
                    numbers.add(digits);
                }
            }
            if (!reader.atEnd()) {
                return null;
            }
            while (numbers.size() < 4) {
                numbers.add(BRANCH_NUMBER);
            }
            return String.join(".", numbers) + "-dev";
        }

        /** {@code N{1,5}[.N][.N][.N]} padded to four numbers; null when the text does not start so. */
        private String classicNumbers() {
            String major = digits();
            if (major == null || major.length() > 5) {
                return null;
            }
            List<String> numbers = new ArrayList<>(List.of(major));
            while (numbers.size() < 4 && peek() == '.' && isDigitAt(position + 1)) {
                position++;
                numbers.add(digits());
            }
            while (numbers.size() < 4) {
                numbers.add("0");
            }
            return String.join(".", numbers);
        }

        /**
         * {@code YYYY} then one to six groups of two digits and up to two of one to three digits, each after
         * an optional {@code .}, {@code :} or {@code -}; every separator becomes a dot.
         */
        private String dateNumbers() {
            int start = position;
            if (!fixedDigits(4)) {
                return null;
            }
            StringBuilder date = new StringBuilder(text.substring(start, position));
            int pairs = 0;
            while (pairs < 6) {
                int mark = position;
                boolean separated = skipDateSeparator();
                int digitsStart = position;
                if (!fixedDigits(2)) {
                    position = mark;
                    break;
                }
                date.append(separated ? "." : "").append(text, digitsStart, position);
                pairs++;
            }
            if (pairs == 0) {
                return null;
            }
            for (int extra = 0; extra < 2; extra++) {
                int mark = position;
                boolean separated = skipDateSeparator();
                int digitsStart = position;
                while (position < text.length() && position - digitsStart < 3 && isDigitAt(position)) {
                    position++;
                }
                if (position == digitsStart) {
                    position = mark;
                    break;
                }
                date.append(separated ? "." : "").append(text, digitsStart, position);
            }
            return date.toString();
        }

        /**
         * The modifier and the end of the text: empty for none or {@code stable}, else {@code -stability[N]}
         * and/or {@code -dev}; null when something else follows. Composer's pattern lets the leading
         * separator belong either to the stability word or to {@code dev} ({@code 1.0_dev}), so both readings
         * are tried.
         */
        private String modifier() {
            int start = position;
            if (peek() == '.' || peek() == '_' || peek() == '-') {
                position++;
                String withSeparator = modifierHere();
                if (withSeparator != null) {
                    return withSeparator;
                }
                position = start;
            }
            return modifierHere();
        }

        private String modifierHere() {
            StringBuilder modifier = new StringBuilder();
            Stability stability = stabilityWord();
            if (stability != null) {
                StringBuilder number = new StringBuilder();
                while (true) {
                    int numberMark = position;
                    if (peek() == '.' || peek() == '-') {
                        position++;
                    }
                    String digits = digits();
                    if (digits == null) {
                        position = numberMark;
                        break;
                    }
                    // Composer keeps the separators between numbers but not before the first ("RC1.2").
                    number.append(text, number.isEmpty() ? position - digits.length() : numberMark, position);
                }
                if (stability != Stability.STABLE) {
                    modifier.append('-').append(stability.normalized).append(number);
                }
            }
            int devMark = position;
            if (peek() == '.' || peek() == '-') {
                position++;
            }
            if (text.regionMatches(true, position, "dev", 0, 3)) {
                position += 3;
                if (stability == Stability.STABLE) {
                    // Composer returns a "-stable" version as is, before looking at a "-dev" after it.
                    return atEnd() ? "" : null;
                }
                modifier.append("-dev");
            } else {
                position = devMark;
            }
            return atEnd() ? modifier.toString() : null;
        }

        /** A stability word at the cursor, longest spelling first: {@code stable, beta, b, RC, alpha, a...}. */
        private Stability stabilityWord() {
            String[][] spellings = {
                {"stable", "STABLE"},
                {"beta", "BETA"},
                {"b", "BETA"},
                {"rc", "RC"},
                {"alpha", "ALPHA"},
                {"a", "ALPHA"},
                {"patch", "PATCH"},
                {"pl", "PATCH"},
                {"p", "PATCH"}
            };
            for (String[] spelling : spellings) {
                if (text.regionMatches(true, position, spelling[0], 0, spelling[0].length())) {
                    position += spelling[0].length();
                    return Stability.valueOf(spelling[1]);
                }
            }
            return null;
        }

        private boolean skipDateSeparator() {
            char c = peek();
            if (c == '.' || c == ':' || c == '-') {
                position++;
                return true;
            }
            return false;
        }

        private boolean fixedDigits(int count) {
            for (int i = 0; i < count; i++) {
                if (!isDigitAt(position + i)) {
                    return false;
                }
            }
            position += count;
            return true;
        }

        private String digits() {
            int start = position;
            while (isDigitAt(position)) {
                position++;
            }
            return position == start ? null : text.substring(start, position);
        }

        private boolean isDigitAt(int index) {
            return index < text.length() && VersionText.isAsciiDigit(text.charAt(index));
        }

        private char peek() {
            return position < text.length() ? text.charAt(position) : '\0';
        }

        private boolean atEnd() {
            return position == text.length();
        }
    }
}
