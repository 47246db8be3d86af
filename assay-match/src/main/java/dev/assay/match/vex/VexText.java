package dev.assay.match.vex;

import dev.assay.model.InvalidPurlException;
import dev.assay.model.Purl;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/** The small conversions both VEX readers share: lenient purls and RFC 3339 times. */
final class VexText {
    /** Longer references are not identifiers but garbage or an attack on whatever prints them. */
    static final int MAX_REFERENCE_LENGTH = 4096;

    private VexText() {}

    static Optional<Purl> purl(String text) {
        if (text == null || text.length() > MAX_REFERENCE_LENGTH || !text.startsWith("pkg:")) {
            return Optional.empty();
        }
        try {
            return Optional.of(Purl.parse(text));
        } catch (InvalidPurlException e) {
            return Optional.empty();
        }
    }

    /** An RFC 3339 time, or null when absent or unreadable (the statement then sorts as the oldest). */
    static Instant instant(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text.strip()).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    static String shorten(String text) {
        return text.length() <= 120 ? text : text.substring(0, 117) + "...";
    }
}
