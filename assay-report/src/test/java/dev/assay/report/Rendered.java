package dev.assay.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.assay.model.ScanResult;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** A report rendered in memory: its bytes, decoded strictly as UTF-8 (a bad byte fails the test). */
record Rendered(byte[] bytes, String text) {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    static Rendered of(ScanReportWriter writer, ScanResult result) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            writer.write(result, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return decode(out.toByteArray());
    }

    static Rendered of(ManifestReportWriter writer, ManifestScanResult result) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            writer.write(result, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return decode(out.toByteArray());
    }

    private static Rendered decode(byte[] bytes) {
        try {
            String text = StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
            return new Rendered(bytes, text);
        } catch (CharacterCodingException e) {
            throw new AssertionError("report is not valid UTF-8", e);
        }
    }

    JsonNode json() {
        try {
            return MAPPER.readTree(bytes);
        } catch (IOException e) {
            throw new AssertionError("report is not JSON: " + text, e);
        }
    }
}
