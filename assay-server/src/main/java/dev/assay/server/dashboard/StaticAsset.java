package dev.assay.server.dashboard;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** One file of the dashboard, read once: its bytes, media type and a strong validator for revalidation. */
record StaticAsset(String name, byte[] content, String contentType, String etag) {
    static StaticAsset of(String name, byte[] content, String contentType) {
        return new StaticAsset(name, content, contentType, etag(content));
    }

    /** Whether an {@code If-None-Match} header names this version (a list, or {@code *}). */
    boolean matches(String ifNoneMatch) {
        for (String candidate : ifNoneMatch.split(",", -1)) {
            String tag = candidate.strip();
            if (tag.startsWith("W/")) {
                tag = tag.substring(2);
            }
            if (tag.equals("*") || tag.equals(etag)) {
                return true;
            }
        }
        return false;
    }

    private static String etag(byte[] content) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(content);
            return "\"" + HexFormat.of().formatHex(digest, 0, 16) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JDK", e);
        }
    }
}
