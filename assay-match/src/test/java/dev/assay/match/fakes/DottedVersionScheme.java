package dev.assay.match.fakes;

import dev.assay.version.InvalidVersionException;
import dev.assay.version.VersionScheme;

/** Versions of dot-separated non-negative integers ({@code 1.2.10}), missing parts being zero. */
public final class DottedVersionScheme implements VersionScheme {
    @Override
    public String id() {
        return "dotted";
    }

    @Override
    public int compare(String left, String right) {
        long[] leftParts = parse(left);
        long[] rightParts = parse(right);
        for (int index = 0; index < Math.max(leftParts.length, rightParts.length); index++) {
            long leftPart = index < leftParts.length ? leftParts[index] : 0;
            long rightPart = index < rightParts.length ? rightParts[index] : 0;
            if (leftPart != rightPart) {
                return Long.compare(leftPart, rightPart);
            }
        }
        return 0;
    }

    @Override
    public boolean isValid(String version) {
        return version.matches("[0-9]{1,9}(\\.[0-9]{1,9}){0,5}");
    }

    private long[] parse(String version) {
        if (!isValid(version)) {
            throw new InvalidVersionException(id(), version);
        }
        String[] parts = version.split("\\.", -1);
        long[] numbers = new long[parts.length];
        for (int index = 0; index < parts.length; index++) {
            numbers[index] = Long.parseLong(parts[index]);
        }
        return numbers;
    }
}
