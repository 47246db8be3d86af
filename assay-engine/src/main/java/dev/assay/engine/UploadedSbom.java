package dev.assay.engine;

import dev.assay.model.Sbom;
import java.util.Objects;

/**
 * An SBOM received over the network: the document exactly as sent (decompressed), the format it was
 * detected as ({@code cyclonedx-json}, {@code cyclonedx-xml}, {@code spdx-json}) and what was read from it.
 * The server keeps the original next to the parsed inventory so that an upload can always be re-read
 * by a later, better reader.
 */
public record UploadedSbom(byte[] document, String format, Sbom sbom) {
    public UploadedSbom {
        Objects.requireNonNull(document, "document");
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(sbom, "sbom");
    }
}
