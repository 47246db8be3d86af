package dev.assay.policy.pss;

import dev.assay.model.InvalidInputException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Pod Security policy version {@code v1.N}. {@code latest} is the newest version this pack knows, so a
 * pinned version keeps its behaviour when newer rules are added.
 */
public record PolicyVersion(int minor) implements Comparable<PolicyVersion> {
    public static final int LATEST_KNOWN_MINOR = 37;
    public static final PolicyVersion LATEST = new PolicyVersion(LATEST_KNOWN_MINOR);
    private static final Pattern FORMAT = Pattern.compile("v1\\.(\\d{1,3})");

    public PolicyVersion {
        if (minor < 0) {
            throw new IllegalArgumentException("minor must not be negative: " + minor);
        }
    }

    public static PolicyVersion of(int minor) {
        return new PolicyVersion(minor);
    }

    public static PolicyVersion parse(String text) {
        if ("latest".equals(text)) {
            return LATEST;
        }
        Matcher matcher = FORMAT.matcher(text == null ? "" : text);
        if (!matcher.matches()) {
            throw new InvalidInputException(
                    "invalid Pod Security version '" + text + "' (expected v1.N or latest)", "version");
        }
        int minor = Integer.parseInt(matcher.group(1));
        // PSA treats versions newer than it knows as latest.
        return new PolicyVersion(Math.min(minor, LATEST_KNOWN_MINOR));
    }

    public boolean atLeast(int otherMinor) {
        return minor >= otherMinor;
    }

    @Override
    public int compareTo(PolicyVersion other) {
        return Integer.compare(minor, other.minor);
    }

    @Override
    public String toString() {
        return "v1." + minor;
    }
}
