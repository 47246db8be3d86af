package dev.assay.sbom;

import dev.assay.model.Tool;
import dev.assay.sbom.AssayProperties.Property;
import java.util.List;
import java.util.Map;

/**
 * The parts of a CycloneDX BOM Assay reads, as plain strings, the same for JSON and XML. The two readers
 * only extract; {@link CycloneDxAssembler} turns this into the model once, so both serializations are
 * interpreted identically.
 *
 * @param dependencies {@code ref} to its {@code dependsOn} refs, in document order
 */
record CycloneDxDocument(
        String specVersion,
        String serialNumber,
        String timestamp,
        List<Tool> tools,
        Entry metadataComponent,
        List<Property> metadataProperties,
        List<Entry> components,
        Map<String, List<String>> dependencies) {

    /** One component as written, with its nested components. */
    record Entry(
            String bomRef,
            String type,
            String group,
            String name,
            String version,
            String purl,
            String scope,
            String description,
            List<RawHash> hashes,
            List<String> licenses,
            List<Property> properties,
            List<Entry> children) {}

    record RawHash(String algorithm, String content) {}
}
