package dev.assay.version;

import java.util.ArrayList;
import java.util.List;

/**
 * A SemVer 2.0.0 version reduced to what orders it: the three numbers (digit strings without leading zeros)
 * and the pre-release identifiers. Build metadata is read, validated and dropped, since precedence ignores
 * it. Shared by the semver and Go schemes.
 */
record SemanticVersion(String major, String minor, String patch, List<String> prerelease)
        implements Comparable<SemanticVersion> {

    /**
     * Reads {@code text} from {@code offset} (after any prefix the caller skipped). With {@code shorthand},
     * {@code 1} and {@code 1.2} stand for {@code 1.0.0} and {@code 1.2.0}, as Go's semver package allows,
     * but only without a pre-release or build suffix.
     *
     * @return the version, or null when the text is not one
     */
    static SemanticVersion parse(String text, int offset, boolean shorthand) {
        Cursor cursor = new Cursor(text, offset);
        String major = cursor.numericIdentifier();
        if (major == null) {
            return null;
        }
        if (cursor.atEnd() && shorthand) {
            return new SemanticVersion(major, "0", "0", List.of());
        }
        if (!cursor.take('.')) {
            return null;
        }
        String minor = cursor.numericIdentifier();
        if (minor == null) {
            return null;
        }
        if (cursor.atEnd() && shorthand) {
            return new SemanticVersion(major, minor, "0", List.of());
        }
        if (!cursor.take('.')) {
            return null;
        }
        String patch = cursor.numericIdentifier();
        if (patch == null) {
            return null;
        }
        List<String> prerelease = List.of();
        if (cursor.take('-')) {
            prerelease = cursor.identifiers(true);
            if (prerelease == null) {
                return null;
            }
        }
        if (cursor.take('+') && cursor.identifiers(false) == null) {
            return null;
        }
        return cursor.atEnd() ? new SemanticVersion(major, minor, patch, List.copyOf(prerelease)) : null;
    }

    @Override
    public int compareTo(SemanticVersion other) {
        int byCore = VersionText.compareDigits(major, other.major);
        if (byCore == 0) {
            byCore = VersionText.compareDigits(minor, other.minor);
        }
        if (byCore == 0) {
            byCore = VersionText.compareDigits(patch, other.patch);
        }
        if (byCore != 0) {
            return byCore;
        }
        if (prerelease.isEmpty() || other.prerelease.isEmpty()) {
            // A release outranks its own pre-releases.
            return Boolean.compare(prerelease.isEmpty(), other.prerelease.isEmpty());
        }
        int shared = Math.min(prerelease.size(), other.prerelease.size());
        for (int i = 0; i < shared; i++) {
            int byIdentifier = compareIdentifiers(prerelease.get(i), other.prerelease.get(i));
            if (byIdentifier != 0) {
                return byIdentifier;
            }
        }
        return Integer.compare(prerelease.size(), other.prerelease.size());
    }

    /** Numeric identifiers by value and before alphanumeric ones, which compare in ASCII order. */
    private static int compareIdentifiers(String left, String right) {
        boolean leftNumeric = VersionText.allAsciiDigits(left);
        boolean rightNumeric = VersionText.allAsciiDigits(right);
        if (leftNumeric && rightNumeric) {
            return VersionText.compareDigits(left, right);
        }
        if (leftNumeric != rightNumeric) {
            return leftNumeric ? -1 : 1;
        }
        return Integer.signum(left.compareTo(right));
    }

    private static final class Cursor {
        private final String text;
        private int position;

        Cursor(String text, int position) {
            this.text = text;
            this.position = position;
        }

        boolean atEnd() {
            return position == text.length();
        }

        boolean take(char expected) {
            if (position < text.length() && text.charAt(position) == expected) {
                position++;
                return true;
            }
            return false;
        }

        /** {@code 0} or digits without a leading zero; null otherwise. */
        String numericIdentifier() {
            int start = position;
            while (position < text.length() && VersionText.isAsciiDigit(text.charAt(position))) {
                position++;
            }
            String digits = text.substring(start, position);
            if (digits.isEmpty() || (digits.length() > 1 && digits.charAt(0) == '0')) {
                return null;
            }
            return digits;
        }

        /**
         * Dot-separated non-empty identifiers of {@code [0-9A-Za-z-]}; for a pre-release, numeric ones must
         * not have leading zeros. Null when malformed.
         */
        List<String> identifiers(boolean prerelease) {
            List<String> identifiers = new ArrayList<>();
            do {
                int start = position;
                while (position < text.length() && isIdentifierCharacter(text.charAt(position))) {
                    position++;
                }
                String identifier = text.substring(start, position);
                if (identifier.isEmpty()) {
                    return null;
                }
                if (prerelease
                        && identifier.length() > 1
                        && identifier.charAt(0) == '0'
                        && VersionText.allAsciiDigits(identifier)) {
                    return null;
                }
                identifiers.add(identifier);
            } while (take('.'));
            return identifiers;
        }

        private static boolean isIdentifierCharacter(char c) {
            return VersionText.isAsciiAlphanumeric(c) || c == '-';
        }
    }
}
