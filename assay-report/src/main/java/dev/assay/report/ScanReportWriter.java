package dev.assay.report;

import dev.assay.model.ScanResult;
import java.io.IOException;
import java.io.OutputStream;

/**
 * Renders one {@link ScanResult} in one output format. A writer only walks the result it is given: it never
 * scans, matches or reads the advisory database again, so every requested format describes the same scan.
 *
 * <p>Output is UTF-8 and deterministic: the same result (and, for the table, the same clock) gives the same
 * bytes. Writers leave {@code out} open and flush it.
 */
public interface ScanReportWriter {
    /** The format id, as given to {@code assay scan --format}: {@code table}, {@code json}... */
    String format();

    /** The media type of the output, for HTTP responses and file associations. */
    String mediaType();

    /**
     * Writes the report of {@code result} to {@code out}, which stays open.
     *
     * @throws IOException when {@code out} cannot be written
     */
    void write(ScanResult result, OutputStream out) throws IOException;
}
