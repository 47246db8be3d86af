package dev.assay.cli;

import dev.assay.model.InvalidInputException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/** RFC 3339 time stamps from flags, e.g. {@code 2026-03-01T10:00:00Z} or {@code 2026-03-01T11:00:00+01:00}. */
final class Timestamps {
    private Timestamps() {}

    /** Null stays null (the flag was not given). */
    static Instant parse(String value, String flag) {
        if (value == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(
                    flag + " '" + value + "' is not an RFC 3339 time stamp (e.g. 2026-03-01T10:00:00Z)", value, e);
        }
    }
}
