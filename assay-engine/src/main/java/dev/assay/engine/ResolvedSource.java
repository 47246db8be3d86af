package dev.assay.engine;

import dev.assay.catalog.spi.FileResolver;
import dev.assay.catalog.spi.SourceKind;
import dev.assay.model.Component;
import java.util.Map;

/**
 * A target opened for cataloging.
 *
 * @param subject the thing itself, described for the SBOM's metadata
 * @param properties facts about the source for the SBOM (image digest, tags, architecture)
 */
public record ResolvedSource(FileResolver files, SourceKind kind, Component subject, Map<String, String> properties) {
    public ResolvedSource {
        properties = Map.copyOf(properties);
    }
}
