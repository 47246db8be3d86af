package dev.assay.sbom;

import dev.assay.model.Sbom;
import java.util.Objects;

/** An SBOM as read, with the format its content was detected as. */
public record SbomDocument(SbomFormat format, Sbom sbom) {
    public SbomDocument {
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(sbom, "sbom");
    }
}
