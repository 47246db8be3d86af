package dev.assay.engine.admission;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * Audit annotation keys and values within what the API server accepts. It stores each key as
 * {@code <webhook name>/<key>} and drops (with only a log line of its own) any that is not then a valid
 * qualified name, so the key must be a valid name part by itself: at most 63 characters of {@code
 * [A-Za-z0-9._-]}, beginning and ending with a letter or digit, and without a {@code /}.
 */
final class AuditAnnotations {
    static final int MAX_KEY_LENGTH = 63;

    /**
     * Values are not length-checked by the API server, but every one lands in each audit event of the
     * request; a pod that breaks twenty rules must not make audit logs balloon.
     */
    static final int MAX_VALUE_LENGTH = 2048;

    private static final Pattern VALID_KEY = Pattern.compile("[A-Za-z0-9]([A-Za-z0-9._-]{0,61}[A-Za-z0-9])?");
    private static final Pattern INVALID_CHARACTERS = Pattern.compile("[^A-Za-z0-9._-]+");

    private AuditAnnotations() {}

    /** The key for a policy: its name when that is a valid key, else a sanitized prefix plus a hash of it. */
    static String key(String policyName) {
        if (VALID_KEY.matcher(policyName).matches()) {
            return policyName;
        }
        String hash = HexFormat.of().formatHex(sha256(policyName), 0, 4);
        String sanitized = INVALID_CHARACTERS.matcher(policyName).replaceAll("-");
        sanitized = trimToAlphanumeric(sanitized);
        int room = MAX_KEY_LENGTH - hash.length() - 1;
        if (sanitized.length() > room) {
            sanitized = trimToAlphanumeric(sanitized.substring(0, room));
        }
        return sanitized.isEmpty() ? "policy-" + hash : sanitized + "-" + hash;
    }

    static String value(String text) {
        String printable = Messages.printable(text);
        if (printable.length() <= MAX_VALUE_LENGTH) {
            return printable;
        }
        String suffix = " ... (truncated)";
        return printable.substring(0, MAX_VALUE_LENGTH - suffix.length()) + suffix;
    }

    private static String trimToAlphanumeric(String text) {
        int start = 0;
        int end = text.length();
        while (start < end && !Character.isLetterOrDigit(text.charAt(start))) {
            start++;
        }
        while (end > start && !Character.isLetterOrDigit(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(start, end);
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
