package dev.assay.model.untrusted;

/**
 * Bounds on what Assay will read from one source. They exist so that a hostile input (a zip bomb, a
 * deeply nested archive, a multi-gigabyte "lockfile") ends in a reported {@code Unknown}, not in an
 * exhausted disk, heap or clock.
 *
 * @param maxFileBytes largest single file a parser will read into memory
 * @param maxExpandedBytes largest total of bytes expanded from one archive, nested archives included
 * @param maxArchiveDepth how many archives deep nested archives are opened
 * @param maxArchiveEntries most entries read from one archive
 * @param maxCompressionRatio largest expanded/compressed ratio accepted for one archive entry
 */
public record Limits(
        long maxFileBytes,
        long maxExpandedBytes,
        int maxArchiveDepth,
        int maxArchiveEntries,
        long maxCompressionRatio) {

    public static final Limits DEFAULT = new Limits(256L * 1024 * 1024, 4L * 1024 * 1024 * 1024, 4, 200_000, 200);

    public Limits withMaxFileBytes(long bytes) {
        return new Limits(bytes, maxExpandedBytes, maxArchiveDepth, maxArchiveEntries, maxCompressionRatio);
    }

    public Limits withMaxExpandedBytes(long bytes) {
        return new Limits(maxFileBytes, bytes, maxArchiveDepth, maxArchiveEntries, maxCompressionRatio);
    }

    public Limits withMaxArchiveDepth(int depth) {
        return new Limits(maxFileBytes, maxExpandedBytes, depth, maxArchiveEntries, maxCompressionRatio);
    }
}
