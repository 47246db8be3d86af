package dev.assay.server.portfolio.monitor;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The webhook signature: {@code sha256=} and the lower-case hex HMAC-SHA256, keyed with the subscription's
 * secret, of the {@code X-Assay-Timestamp} value, a dot, and the exact body bytes. Signing the timestamp
 * lets receivers refuse replays older than a few minutes; see docs/portfolio-server.md.
 */
public final class WebhookSignatures {
    public static final String PREFIX = "sha256=";
    private static final String ALGORITHM = "HmacSHA256";

    private WebhookSignatures() {}

    public static String sign(String secret, String timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM));
            mac.update(timestamp.getBytes(StandardCharsets.US_ASCII));
            mac.update((byte) '.');
            mac.update(body);
            return PREFIX + HexFormat.of().formatHex(mac.doFinal());
        } catch (GeneralSecurityException e) {
            // Every Java platform must provide HmacSHA256.
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    /** Compares in constant time, so a receiver using this leaks nothing about the expected value. */
    public static boolean matches(String secret, String timestamp, byte[] body, String signatureHeader) {
        if (signatureHeader == null) {
            return false;
        }
        byte[] expected = sign(secret, timestamp, body).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, signatureHeader.strip().getBytes(StandardCharsets.US_ASCII));
    }
}
