package dev.assay.version;

import java.util.Locale;

/**
 * What every scheme does before and while reading a version: bound its length, report it without echoing
 * megabytes back, and compare digit runs of any length without converting them to numbers.
 */
final class VersionText {
    /**
     * The longest version any scheme reads. Real versions stay under a hundred characters (a Debian backport
     * with an epoch, a Go pseudo-version, a Maven timestamped snapshot); the bound keeps hostile inputs, a
     * megabyte of digits or ten thousand segments, to a constant amount of work before they are rejected.
     */
    static final int MAX_LENGTH = 1024;

    private static final int SHOWN_LENGTH = 80;

    private VersionText() {}

    /** The version itself when it is non-null and within {@link #MAX_LENGTH}; otherwise the scheme rejects it. */
    static String requireBounded(String scheme, String version) {
        if (version == null || version.length() > MAX_LENGTH) {
            throw invalid(scheme, version);
        }
        return version;
    }

    static InvalidVersionException invalid(String scheme, String version) {
        return new InvalidVersionException(scheme, shown(version));
    }

    /** The version as error messages show it: cut short, so that a hostile string is not echoed in full. */
    static String shown(String version) {
        if (version == null) {
            return "null";
        }
        if (version.length() <= SHOWN_LENGTH) {
            return version;
        }
        return version.substring(0, SHOWN_LENGTH) + "... (" + version.length() + " characters)";
    }

    static boolean isAsciiDigit(char c) {
        return c >= '0' && c <= '9';
    }

    static boolean isAsciiLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    static boolean isAsciiAlphanumeric(char c) {
        return isAsciiDigit(c) || isAsciiLetter(c);
    }

    static boolean allAsciiDigits(String text) {
        if (text.isEmpty()) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            if (!isAsciiDigit(text.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** A run of ASCII digits without its leading zeros ({@code "0"} for a run of zeros). */
    static String stripLeadingZeros(String digits) {
        int start = 0;
        while (start < digits.length() - 1 && digits.charAt(start) == '0') {
            start++;
        }
        return digits.substring(start);
    }

    /**
     * Compares two runs of ASCII digits by value, however long: without leading zeros, the longer run is
     * the larger number, and runs of equal length compare character by character.
     */
    static int compareDigits(String left, String right) {
        String a = stripLeadingZeros(left);
        String b = stripLeadingZeros(right);
        if (a.length() != b.length()) {
            return Integer.compare(a.length(), b.length());
        }
        return Integer.signum(a.compareTo(b));
    }

    static String lower(String text) {
        return text.toLowerCase(Locale.ROOT);
    }
}
