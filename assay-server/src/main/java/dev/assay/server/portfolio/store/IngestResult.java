package dev.assay.server.portfolio.store;

/**
 * What an upload did.
 *
 * @param outcome whether the version's inventory was created, replaced by a different SBOM, or left as
 *     it was because the same document had already been stored for it
 */
public record IngestResult(
        long projectId, long versionId, long sbomId, Outcome outcome, int components, int dependencyEdges) {

    public enum Outcome {
        CREATED,
        REPLACED,
        UNCHANGED
    }
}
