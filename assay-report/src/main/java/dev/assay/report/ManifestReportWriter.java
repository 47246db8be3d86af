package dev.assay.report;

import java.io.IOException;
import java.io.OutputStream;

/**
 * Renders one {@link ManifestScanResult} in one format. Writers only walk the result: every requested format
 * describes the same scan. Output is UTF-8 and deterministic; {@code out} is flushed and left open.
 */
public interface ManifestReportWriter {
    /** The format id, as given to {@code assay scan k8s --format}. */
    String format();

    String mediaType();

    void write(ManifestScanResult result, OutputStream out) throws IOException;
}
