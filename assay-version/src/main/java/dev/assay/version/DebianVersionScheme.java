package dev.assay.version;

/**
 * dpkg's version order (Debian Policy 5.6.12, {@code deb-version(7)}), used for Debian and Ubuntu: {@code
 * [epoch:]upstream[-revision]} compared part by part, each part as alternating non-digit and digit runs.
 * Non-digit runs compare character by character with {@code ~} before everything, even the end of the
 * part, letters before all other characters; digit runs compare as numbers of any length. So {@code 1.0~rc1
 * < 1.0 < 1.0a < 1.0+b1}, {@code 1:0.1 > 9.9}, and a missing revision equals {@code -0}.
 *
 * <p>Valid as dpkg parses it: an optional numeric epoch, an upstream version starting with a digit and made
 * of alphanumerics and {@code . + ~ -}, and a revision (after the last hyphen) of alphanumerics and {@code
 * . + ~}.
 */
public final class DebianVersionScheme extends ParsedVersionScheme<DebianVersionScheme.DebianVersion> {
    static final String ID = "deb";

    DebianVersionScheme() {}

    @Override
    public String id() {
        return ID;
    }

    @Override
    int compareRead(DebianVersion a, DebianVersion b) {
        int result = VersionText.compareDigits(a.epoch(), b.epoch());
        if (result == 0) {
            result = compareParts(a.upstream(), b.upstream());
        }
        if (result == 0) {
            result = compareParts(a.revision(), b.revision());
        }
        return result;
    }

    record DebianVersion(String epoch, String upstream, String revision) {}

    @Override
    DebianVersion read(String version) {
        if (version == null || version.length() > VersionText.MAX_LENGTH) {
            return null;
        }
        String rest = version.strip();
        String epoch = "0";
        int colon = rest.indexOf(':');
        if (colon >= 0) {
            epoch = rest.substring(0, colon);
            rest = rest.substring(colon + 1);
            if (!VersionText.allAsciiDigits(epoch)) {
                return null;
            }
        }
        String revision = "";
        int hyphen = rest.lastIndexOf('-');
        if (hyphen >= 0) {
            revision = rest.substring(hyphen + 1);
            rest = rest.substring(0, hyphen);
            if (revision.isEmpty() || !allOf(revision, false)) {
                return null;
            }
        }
        if (rest.isEmpty() || !VersionText.isAsciiDigit(rest.charAt(0)) || !allOf(rest, true)) {
            return null;
        }
        return new DebianVersion(epoch, rest, revision);
    }

    private static boolean allOf(String part, boolean upstream) {
        for (int i = 0; i < part.length(); i++) {
            char c = part.charAt(i);
            boolean allowed =
                    VersionText.isAsciiAlphanumeric(c) || c == '.' || c == '+' || c == '~' || (upstream && c == '-');
            if (!allowed) {
                return false;
            }
        }
        return true;
    }

    /** dpkg's {@code verrevcmp}: alternating non-digit runs (by {@link #weight}) and digit runs (by value). */
    static int compareParts(String left, String right) {
        int i = 0;
        int j = 0;
        while (i < left.length() || j < right.length()) {
            while ((i < left.length() && !VersionText.isAsciiDigit(left.charAt(i)))
                    || (j < right.length() && !VersionText.isAsciiDigit(right.charAt(j)))) {
                int a = weight(left, i);
                int b = weight(right, j);
                if (a != b) {
                    return Integer.compare(a, b);
                }
                i++;
                j++;
            }
            int leftStart = i;
            while (i < left.length() && VersionText.isAsciiDigit(left.charAt(i))) {
                i++;
            }
            int rightStart = j;
            while (j < right.length() && VersionText.isAsciiDigit(right.charAt(j))) {
                j++;
            }
            int byNumber = VersionText.compareDigits(
                    leftStart == i ? "0" : left.substring(leftStart, i),
                    rightStart == j ? "0" : right.substring(rightStart, j));
            if (byNumber != 0) {
                return byNumber;
            }
        }
        return 0;
    }

    /**
     * A character's place: {@code ~} lowest, then the end of the part or a digit (which ends the run), then
     * letters, then everything else.
     */
    private static int weight(String part, int index) {
        if (index >= part.length()) {
            return 0;
        }
        char c = part.charAt(index);
        if (VersionText.isAsciiDigit(c)) {
            return 0;
        }
        if (VersionText.isAsciiLetter(c)) {
            return c;
        }
        return c == '~' ? -1 : c + 256;
    }
}
