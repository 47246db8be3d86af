package dev.assay.model.untrusted;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonLocation;
import java.util.regex.Pattern;

/**
 * Jackson's parse errors as a user reads them: where (line and column) and what, without the notice that
 * Jackson puts in every location when it is told not to quote the input ({@code [Source: REDACTED
 * (`StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION` disabled); line: 1, column: 36]}). Assay keeps the input
 * out of messages on purpose: hostile files reach logs and reports.
 */
public final class JsonErrors {
    private static final Pattern LOCATION = Pattern.compile("\\[Source: [^;\\]]*; line: (\\d+), column: (\\d+)]");

    private JsonErrors() {}

    /** "at line L, column C: message", or the message alone when Jackson knows no position. */
    public static String describe(JacksonException error) {
        String message = message(error);
        JsonLocation location = error.getLocation();
        if (location == null || location.getLineNr() < 1) {
            return message;
        }
        return "at line " + location.getLineNr() + ", column " + location.getColumnNr() + ": " + message;
    }

    /** What went wrong, without the position of the error itself (positions inside it stay, made readable). */
    public static String message(JacksonException error) {
        return withoutSourceNotice(error.getOriginalMessage());
    }

    static String withoutSourceNotice(String message) {
        return message == null ? "" : LOCATION.matcher(message).replaceAll("line $1, column $2");
    }
}
