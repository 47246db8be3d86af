package dev.assay.sbom;

/**
 * How to write an SBOM.
 *
 * @param specVersion the format version to write: {@code 1.4}, {@code 1.5}, {@code 1.6} for CycloneDX,
 *     {@code 2.3} for SPDX; null for the newest Assay writes
 * @param deterministic same input, byte-identical output: serial number and document namespace derived
 *     from the content, timestamp from {@code SOURCE_DATE_EPOCH} or the Unix epoch
 */
public record SbomWriteOptions(String specVersion, boolean deterministic) {
    public static final SbomWriteOptions DEFAULT = new SbomWriteOptions(null, false);
}
