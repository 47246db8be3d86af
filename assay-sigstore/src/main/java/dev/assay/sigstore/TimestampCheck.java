package dev.assay.sigstore;

import dev.sigstore.timestamp.client.ImmutableTimestampResponse;
import dev.sigstore.timestamp.client.TimestampException;
import dev.sigstore.timestamp.client.TimestampResponse;
import dev.sigstore.timestamp.client.TimestampVerificationException;
import java.time.Instant;

/**
 * An RFC 3161 timestamp counts as evidence of signing time only once it verifies: issued by a timestamp
 * authority of the trusted root, within that authority's validity, over the bundle's signature.
 */
final class TimestampCheck {
    private TimestampCheck() {}

    static Instant verify(byte[] response, int index, byte[] signature, TrustRoot root) throws CheckFailed {
        String which = "RFC 3161 timestamp " + (index + 1);
        TimestampResponse timestamp =
                ImmutableTimestampResponse.builder().encoded(response).build();
        try {
            root.timestampVerifier().verify(timestamp, signature);
            return timestamp.getGenTime().toInstant();
        } catch (TimestampVerificationException | TimestampException | RuntimeException e) {
            throw new CheckFailed(which + " " + reason(e));
        }
    }

    /** sigstore-java reports every timestamp failure as one exception type; its messages tell them apart. */
    private static String reason(Exception e) {
        String message = e.getMessage() == null ? "" : e.getMessage();
        String firstLine = message.lines().findFirst().orElse("").strip();
        if (message.startsWith("Failed to parse") || message.startsWith("No TimeStampToken")) {
            return "is not a valid timestamp response";
        }
        if (message.startsWith("Certificates in token were not verifiable")) {
            return "was not issued by a timestamp authority of the trusted root";
        }
        if (message.startsWith("Failed to validate TSA chain")) {
            return "was issued when the timestamp authority's certificate chain was not valid (" + TrustRoot.describe(e)
                    + ")";
        }
        if (message.startsWith("Failed to validate TimeStampToken")) {
            return "is not validly signed by its timestamp authority's certificate (" + TrustRoot.describe(e) + ")";
        }
        if (message.contains("not within TSA's validity period")) {
            return "lies outside the validity period the trusted root gives its timestamp authority";
        }
        if (message.startsWith("Timestamp message imprint digest does not match")) {
            return "covers a different signature than the bundle's (message imprint mismatch)";
        }
        return "does not verify: " + firstLine;
    }
}
