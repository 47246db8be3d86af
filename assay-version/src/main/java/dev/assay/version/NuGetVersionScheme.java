package dev.assay.version;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * NuGet's {@code NuGetVersion} order: one to four numeric parts, missing parts 0 ({@code 1.0 == 1.0.0 ==
 * 1.0.0.0}, leading zeros allowed as in legacy versions), then SemVer 2 pre-release precedence with labels
 * compared case-insensitively ({@code 1.0.0-RC1 == 1.0.0-rc1}), build metadata after {@code +} ignored.
 */
public final class NuGetVersionScheme extends ParsedVersionScheme<NuGetVersionScheme.NuGetVersion> {
    static final String ID = "nuget";

    NuGetVersionScheme() {}

    @Override
    public String id() {
        return ID;
    }

    @Override
    int compareRead(NuGetVersion left, NuGetVersion right) {
        return left.compareTo(right);
    }

    record NuGetVersion(List<String> numbers, List<String> labels) implements Comparable<NuGetVersion> {
        @Override
        public int compareTo(NuGetVersion other) {
            for (int i = 0; i < 4; i++) {
                int result = VersionText.compareDigits(numbers.get(i), other.numbers.get(i));
                if (result != 0) {
                    return result;
                }
            }
            if (labels.isEmpty() || other.labels.isEmpty()) {
                return Boolean.compare(labels.isEmpty(), other.labels.isEmpty());
            }
            int shared = Math.min(labels.size(), other.labels.size());
            for (int i = 0; i < shared; i++) {
                int result = compareLabels(labels.get(i), other.labels.get(i));
                if (result != 0) {
                    return result;
                }
            }
            return Integer.compare(labels.size(), other.labels.size());
        }

        private static int compareLabels(String left, String right) {
            boolean leftNumeric = VersionText.allAsciiDigits(left);
            boolean rightNumeric = VersionText.allAsciiDigits(right);
            if (leftNumeric && rightNumeric) {
                return VersionText.compareDigits(left, right);
            }
            if (leftNumeric != rightNumeric) {
                return leftNumeric ? -1 : 1;
            }
            // Labels are ASCII, so upper-casing is NuGet's OrdinalIgnoreCase.
            return Integer.signum(left.toUpperCase(Locale.ROOT).compareTo(right.toUpperCase(Locale.ROOT)));
        }
    }

    @Override
    NuGetVersion read(String version) {
        if (version == null || version.length() > VersionText.MAX_LENGTH) {
            return null;
        }
        String text = version;
        int plus = text.indexOf('+');
        if (plus >= 0) {
            if (!identifiers(text.substring(plus + 1))) {
                return null;
            }
            text = text.substring(0, plus);
        }
        List<String> labels = List.of();
        int hyphen = text.indexOf('-');
        if (hyphen >= 0) {
            String release = text.substring(hyphen + 1);
            if (!identifiers(release)) {
                return null;
            }
            labels = List.of(release.split("\\.", -1));
            text = text.substring(0, hyphen);
        }
        String[] parts = text.split("\\.", -1);
        if (parts.length > 4) {
            return null;
        }
        List<String> numbers = new ArrayList<>(4);
        for (String part : parts) {
            if (!VersionText.allAsciiDigits(part)) {
                return null;
            }
            numbers.add(VersionText.stripLeadingZeros(part));
        }
        while (numbers.size() < 4) {
            numbers.add("0");
        }
        return new NuGetVersion(List.copyOf(numbers), labels);
    }

    /** Dot-separated, non-empty identifiers of ASCII alphanumerics and hyphens. */
    private static boolean identifiers(String text) {
        for (String identifier : text.split("\\.", -1)) {
            if (identifier.isEmpty()) {
                return false;
            }
            for (int i = 0; i < identifier.length(); i++) {
                char c = identifier.charAt(i);
                if (!VersionText.isAsciiAlphanumeric(c) && c != '-') {
                    return false;
                }
            }
        }
        return true;
    }
}
