package dev.assay.version;

import java.util.ArrayList;
import java.util.List;

/**
 * Python versions per PEP 440 ("Version Identification and Dependency Specification"): {@code [N!]N(.N)*
 * [{a|b|rc}N][.postN][.devN][+local]}, with the spec's normalizations: case-insensitive, surrounding
 * whitespace and a leading {@code v} ignored, {@code -}, {@code _} and {@code .} interchangeable as
 * separators, {@code alpha}/{@code beta}/{@code c}/{@code pre}/{@code preview} for a/b/rc, {@code rev} and
 * {@code r} for post, {@code 1.0-1} as an implicit post-release, a missing number as 0.
 *
 * <p>Order: epoch, then the release with trailing zeros ignored ({@code 1.0 == 1.0.0}), then {@code .devN <
 * aN < bN < rcN < final < .postN} ({@code 1.0.dev1 < 1.0a1}; {@code 1.0.post1.dev1 < 1.0.post1}), then the
 * local label: none before any, segments compared in turn with numbers above words ({@code 1.0 < 1.0+abc <
 * 1.0+1}). Strings that are not PEP 440 (legacy {@code LegacyVersion} forms like {@code 1.0-SNAPSHOT}) are
 * rejected: modern pip and the PyPA advisory database do not order them either.
 */
public final class Pep440VersionScheme extends ParsedVersionScheme<Pep440VersionScheme.Pep440Version> {
    static final String ID = "pep440";

    Pep440VersionScheme() {}

    @Override
    public String id() {
        return ID;
    }

    @Override
    int compareRead(Pep440Version left, Pep440Version right) {
        return left.compareTo(right);
    }

    /**
     * The normalized form PEP 440 defines ({@code 1.0rc1.post2.dev3+ubuntu.1}), or throws when the version is
     * not PEP 440.
     */
    public String normalize(String version) {
        return parse(version).toString();
    }

    @Override
    Pep440Version read(String version) {
        if (version == null || version.length() > VersionText.MAX_LENGTH) {
            return null;
        }
        return new Reader(VersionText.lower(version.strip())).read();
    }

    /**
     * A parsed version; the numbers are digit strings without leading zeros, and absent parts are null.
     *
     * @param preLabel 0, 1, 2 for a, b, rc; -1 when there is no pre-release
     */
    record Pep440Version(
            String epoch,
            List<String> release,
            int preLabel,
            String preNumber,
            String post,
            String dev,
            List<String> local)
            implements Comparable<Pep440Version> {

        private static final String[] PRE_LABELS = {"a", "b", "rc"};

        @Override
        public int compareTo(Pep440Version other) {
            int result = VersionText.compareDigits(epoch, other.epoch);
            if (result == 0) {
                result = compareRelease(release, other.release);
            }
            if (result == 0) {
                result = Integer.compare(preRank(), other.preRank());
            }
            if (result == 0 && preLabel >= 0) {
                result = Integer.compare(preLabel, other.preLabel);
                if (result == 0) {
                    result = VersionText.compareDigits(preNumber, other.preNumber);
                }
            }
            if (result == 0) {
                result = compareOptional(post, other.post, -1);
            }
            if (result == 0) {
                result = compareOptional(dev, other.dev, 1);
            }
            if (result == 0) {
                result = compareLocal(local, other.local);
            }
            return result;
        }

        /**
         * Where the version sits around its release: a dev release of the release itself (no pre or post)
         * first, then pre-releases, then the release and everything after it.
         */
        private int preRank() {
            if (preLabel >= 0) {
                return 1;
            }
            return post == null && dev != null ? 0 : 2;
        }

        /** Absent sorts below every number when {@code absent} is -1 and above every number when it is 1. */
        private static int compareOptional(String left, String right, int absent) {
            if (left == null || right == null) {
                return left == null && right == null ? 0 : (left == null ? absent : -absent);
            }
            return VersionText.compareDigits(left, right);
        }

        private static int compareRelease(List<String> left, List<String> right) {
            int length = Math.max(left.size(), right.size());
            for (int i = 0; i < length; i++) {
                String a = i < left.size() ? left.get(i) : "0";
                String b = i < right.size() ? right.get(i) : "0";
                int result = VersionText.compareDigits(a, b);
                if (result != 0) {
                    return result;
                }
            }
            return 0;
        }

        private static int compareLocal(List<String> left, List<String> right) {
            int shared = Math.min(left.size(), right.size());
            for (int i = 0; i < shared; i++) {
                String a = left.get(i);
                String b = right.get(i);
                boolean aNumeric = VersionText.allAsciiDigits(a);
                boolean bNumeric = VersionText.allAsciiDigits(b);
                int result;
                if (aNumeric && bNumeric) {
                    result = VersionText.compareDigits(a, b);
                } else if (aNumeric != bNumeric) {
                    result = aNumeric ? 1 : -1;
                } else {
                    result = Integer.signum(a.compareTo(b));
                }
                if (result != 0) {
                    return result;
                }
            }
            return Integer.compare(left.size(), right.size());
        }

        @Override
        public String toString() {
            StringBuilder text = new StringBuilder();
            if (!epoch.equals("0")) {
                text.append(epoch).append('!');
            }
            text.append(String.join(".", release));
            if (preLabel >= 0) {
                text.append(PRE_LABELS[preLabel]).append(preNumber);
            }
            if (post != null) {
                text.append(".post").append(post);
            }
            if (dev != null) {
                text.append(".dev").append(dev);
            }
            if (!local.isEmpty()) {
                text.append('+').append(String.join(".", local));
            }
            return text.toString();
        }
    }

    /** A hand-written reader of the PEP 440 grammar: linear, without regular-expression backtracking. */
    private static final class Reader {
        private final String text;
        private int position;

        Reader(String text) {
            this.text = text;
        }

        Pep440Version read() {
            if (peek() == 'v') {
                position++;
            }
            String first = digits();
            if (first == null) {
                return null;
            }
            String epoch = "0";
            if (peek() == '!') {
                position++;
                epoch = first;
                first = digits();
                if (first == null) {
                    return null;
                }
            }
            List<String> release = new ArrayList<>();
            release.add(first);
            while (peek() == '.' && isDigitAt(position + 1)) {
                position++;
                release.add(digits());
            }
            int preLabel = -1;
            String preNumber = null;
            int mark = position;
            skipSeparator();
            int label = preLabel();
            if (label >= 0) {
                preLabel = label;
                preNumber = optionalNumber();
            } else {
                position = mark;
            }
            String post = post();
            String dev = null;
            mark = position;
            skipSeparator();
            if (text.startsWith("dev", position)) {
                position += 3;
                dev = optionalNumber();
            } else {
                position = mark;
            }
            List<String> local = List.of();
            if (peek() == '+') {
                position++;
                local = local();
                if (local == null) {
                    return null;
                }
            }
            if (position != text.length()) {
                return null;
            }
            return new Pep440Version(epoch, List.copyOf(release), preLabel, preNumber, post, dev, List.copyOf(local));
        }

        /** {@code -N} (implicit), or an optional separator, post/rev/r, and an optional number. */
        private String post() {
            int mark = position;
            if (peek() == '-' && isDigitAt(position + 1)) {
                position++;
                return digits();
            }
            skipSeparator();
            for (String spelling : new String[] {"post", "rev", "r"}) {
                if (text.startsWith(spelling, position)) {
                    position += spelling.length();
                    return optionalNumber();
                }
            }
            position = mark;
            return null;
        }

        /** The pre-release label at the cursor as 0 (a), 1 (b) or 2 (rc), longest spelling first; -1 if none. */
        private int preLabel() {
            String[][] spellings = {
                {"alpha", "0"},
                {"beta", "1"},
                {"preview", "2"},
                {"pre", "2"},
                {"rc", "2"},
                {"a", "0"},
                {"b", "1"},
                {"c", "2"}
            };
            for (String[] spelling : spellings) {
                if (text.startsWith(spelling[0], position)) {
                    position += spelling[0].length();
                    return Integer.parseInt(spelling[1]);
                }
            }
            return -1;
        }

        /** An optional separator and number after a label; "0" when the number is implicit. */
        private String optionalNumber() {
            int mark = position;
            skipSeparator();
            String number = digits();
            if (number == null) {
                // The separator may then belong to what follows ("1.0a.post1"), as the PEP's pattern allows.
                position = mark;
                return "0";
            }
            return number;
        }

        private List<String> local() {
            List<String> segments = new ArrayList<>();
            do {
                int start = position;
                while (position < text.length() && isLowerAlphanumeric(text.charAt(position))) {
                    position++;
                }
                if (position == start) {
                    return null;
                }
                String segment = text.substring(start, position);
                segments.add(VersionText.allAsciiDigits(segment) ? VersionText.stripLeadingZeros(segment) : segment);
            } while (skipSeparator());
            return segments;
        }

        private boolean skipSeparator() {
            char c = peek();
            if (c == '.' || c == '-' || c == '_') {
                position++;
                return true;
            }
            return false;
        }

        private String digits() {
            int start = position;
            while (isDigitAt(position)) {
                position++;
            }
            return position == start ? null : VersionText.stripLeadingZeros(text.substring(start, position));
        }

        private boolean isDigitAt(int index) {
            return index < text.length() && VersionText.isAsciiDigit(text.charAt(index));
        }

        private char peek() {
            return position < text.length() ? text.charAt(position) : '\0';
        }

        private static boolean isLowerAlphanumeric(char c) {
            return VersionText.isAsciiDigit(c) || (c >= 'a' && c <= 'z');
        }
    }
}
