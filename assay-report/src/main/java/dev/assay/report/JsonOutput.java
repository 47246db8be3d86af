package dev.assay.report;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * The JSON layout every JSON-based report shares: UTF-8, two-space indent, one array element per line, LF
 * line ends, {@code "key": value}, empty containers as {@code []} and {@code {}}, a final newline. Strings are
 * escaped by Jackson (control characters become Unicode escapes); unpaired surrogates, which UTF-8 cannot
 * encode, become U+FFFD instead of failing the whole report.
 */
final class JsonOutput {
    private static final JsonFactory FACTORY = JsonFactory.builder()
            .disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
            // Characters outside the BMP (emoji, rare CJK) as four UTF-8 bytes, not as escaped surrogate pairs.
            .enable(JsonWriteFeature.COMBINE_UNICODE_SURROGATES_IN_UTF8)
            .build();

    private static final DefaultIndenter INDENTER = new DefaultIndenter("  ", "\n");

    /** RFC 3339 at second precision in UTC, as CycloneDX tools and SARIF viewers expect. */
    private static final DateTimeFormatter SECONDS =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);

    private final JsonGenerator json;

    private JsonOutput(JsonGenerator json) {
        this.json = json;
    }

    static JsonOutput open(OutputStream out) throws IOException {
        JsonGenerator generator = FACTORY.createGenerator(out, JsonEncoding.UTF8);
        Separators separators = Separators.createDefaultInstance()
                .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                .withObjectEmptySeparator("")
                .withArrayEmptySeparator("");
        // A pretty printer keeps nesting state, so each generator gets its own.
        generator.setPrettyPrinter(new DefaultPrettyPrinter(separators)
                .withObjectIndenter(INDENTER)
                .withArrayIndenter(INDENTER));
        return new JsonOutput(generator);
    }

    JsonGenerator generator() {
        return json;
    }

    /** Ends the document with a newline and flushes; {@code out} stays open. */
    void finish(OutputStream out) throws IOException {
        json.close();
        out.write('\n');
        out.flush();
    }

    void startObject() throws IOException {
        json.writeStartObject();
    }

    void startObject(String field) throws IOException {
        json.writeObjectFieldStart(field);
    }

    void endObject() throws IOException {
        json.writeEndObject();
    }

    void startArray(String field) throws IOException {
        json.writeArrayFieldStart(field);
    }

    void endArray() throws IOException {
        json.writeEndArray();
    }

    void string(String field, String value) throws IOException {
        json.writeFieldName(field);
        string(value);
    }

    /** A string, or JSON null for a null value. */
    void string(String value) throws IOException {
        if (value == null) {
            json.writeNull();
        } else {
            json.writeString(TerminalText.replaceLoneSurrogates(value));
        }
    }

    /** A string field only when {@code value} is not empty: for formats where an empty string is invalid. */
    void optionalString(String field, String value) throws IOException {
        if (value != null && !value.isEmpty()) {
            string(field, value);
        }
    }

    void strings(String field, List<String> values) throws IOException {
        json.writeArrayFieldStart(field);
        for (String value : values) {
            string(value);
        }
        json.writeEndArray();
    }

    void bool(String field, boolean value) throws IOException {
        json.writeBooleanField(field, value);
    }

    void number(String field, long value) throws IOException {
        json.writeNumberField(field, value);
    }

    /** A number, or JSON null for NaN (JSON has no NaN). */
    void number(String field, double value) throws IOException {
        json.writeFieldName(field);
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            json.writeNull();
        } else {
            json.writeNumber(value);
        }
    }

    void nullField(String field) throws IOException {
        json.writeNullField(field);
    }

    /** An instant in ISO-8601 UTC with its full precision, or null. */
    void instant(String field, Instant value) throws IOException {
        string(field, value == null ? null : value.toString());
    }

    static String seconds(Instant instant) {
        return SECONDS.format(instant);
    }
}
