package dev.assay.version;

/**
 * RPM's order ({@code rpmvercmp} of rpm 4.15 and later) over {@code [epoch:]version[-release]}, used for Red
 * Hat, Rocky, AlmaLinux, SUSE, openSUSE, Mageia, Photon OS and the like. Epochs compare as numbers (missing
 * is 0), then version and release each as a sequence of segments: maximal digit or letter runs, anything
 * else only separating them. A digit segment beats a letter segment, digit segments compare as numbers of
 * any length, letter segments byte by byte; {@code ~} sorts before everything including the end ({@code
 * 1.0~rc1 < 1.0}), {@code ^} after the end but before any further segment ({@code 1.0 < 1.0^git1 <
 * 1.0.1}); with all else equal the version with more segments is the newer. A missing release sorts before
 * any release. Separators alone never make a difference, so {@code 1.0 == 1_0}.
 */
public final class RpmVersionScheme extends ParsedVersionScheme<RpmVersionScheme.RpmVersion> {
    static final String ID = "rpm";

    RpmVersionScheme() {}

    @Override
    public String id() {
        return ID;
    }

    @Override
    int compareRead(RpmVersion a, RpmVersion b) {
        int result = VersionText.compareDigits(a.epoch(), b.epoch());
        if (result == 0) {
            result = compareSegments(a.version(), b.version());
        }
        if (result == 0) {
            result = compareSegments(a.release(), b.release());
        }
        return result;
    }

    record RpmVersion(String epoch, String version, String release) {}

    @Override
    RpmVersion read(String text) {
        if (text == null || text.length() > VersionText.MAX_LENGTH) {
            return null;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c <= ' ' || c == 0x7f) {
                return null;
            }
        }
        String rest = text;
        String epoch = "0";
        int colon = rest.indexOf(':');
        if (colon >= 0) {
            epoch = rest.substring(0, colon);
            rest = rest.substring(colon + 1);
            if (!VersionText.allAsciiDigits(epoch)) {
                return null;
            }
        }
        String release = "";
        int hyphen = rest.lastIndexOf('-');
        if (hyphen >= 0) {
            release = rest.substring(hyphen + 1);
            rest = rest.substring(0, hyphen);
            if (release.isEmpty()) {
                return null;
            }
        }
        if (rest.isEmpty() || rest.indexOf(':') >= 0) {
            return null;
        }
        return new RpmVersion(epoch, rest, release);
    }

    /** rpmvercmp over one version or release string. */
    static int compareSegments(String left, String right) {
        if (left.equals(right)) {
            return 0;
        }
        int i = 0;
        int j = 0;
        while (i < left.length() || j < right.length()) {
            i = skipSeparators(left, i);
            j = skipSeparators(right, j);
            char a = i < left.length() ? left.charAt(i) : '\0';
            char b = j < right.length() ? right.charAt(j) : '\0';
            if (a == '~' || b == '~') {
                if (a != '~') {
                    return 1;
                }
                if (b != '~') {
                    return -1;
                }
                i++;
                j++;
                continue;
            }
            if (a == '^' || b == '^') {
                if (i >= left.length()) {
                    return -1;
                }
                if (j >= right.length()) {
                    return 1;
                }
                if (a != '^') {
                    return 1;
                }
                if (b != '^') {
                    return -1;
                }
                i++;
                j++;
                continue;
            }
            if (i >= left.length() || j >= right.length()) {
                break;
            }
            boolean numeric = VersionText.isAsciiDigit(a);
            int leftEnd = runEnd(left, i, numeric);
            int rightEnd = runEnd(right, j, numeric);
            if (rightEnd == j) {
                // Segments of different kinds: the numeric one is newer.
                return numeric ? 1 : -1;
            }
            String leftSegment = left.substring(i, leftEnd);
            String rightSegment = right.substring(j, rightEnd);
            int result = numeric
                    ? VersionText.compareDigits(leftSegment, rightSegment)
                    : Integer.signum(leftSegment.compareTo(rightSegment));
            if (result != 0) {
                return result;
            }
            i = leftEnd;
            j = rightEnd;
        }
        boolean leftDone = i >= left.length();
        boolean rightDone = j >= right.length();
        if (leftDone && rightDone) {
            return 0;
        }
        return leftDone ? -1 : 1;
    }

    private static int skipSeparators(String text, int index) {
        int position = index;
        while (position < text.length()) {
            char c = text.charAt(position);
            if (VersionText.isAsciiAlphanumeric(c) || c == '~' || c == '^') {
                break;
            }
            position++;
        }
        return position;
    }

    private static int runEnd(String text, int start, boolean digits) {
        int position = start;
        while (position < text.length()
                && (digits
                        ? VersionText.isAsciiDigit(text.charAt(position))
                        : VersionText.isAsciiLetter(text.charAt(position)))) {
            position++;
        }
        return position;
    }
}
