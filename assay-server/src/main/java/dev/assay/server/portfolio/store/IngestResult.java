package dev.assay.server.portfolio.store;

/**
 * What an upload did.
 *
 * @param outcome whether the version's inventory was created, replaced by a different SBOM, or left as
 *     it was because the same document had already been stored for it
 * @param sha256 the document's SHA-256, hex
 */
public record IngestResult(
        long projectId,
        long versionId,
        long sbomId,
        Outcome outcome,
        int components,
        int dependencyEdges,
        String sha256) {

    public enum Outcome {
        CREATED,
        REPLACED,
        UNCHANGED
    }
}
