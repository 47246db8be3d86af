/**
 * CycloneDX and SPDX codecs. Every SBOM Assay reads or writes passes through {@link
 * dev.assay.sbom.SbomCodecs}, converting to and from the one {@link dev.assay.model.Sbom} model, so
 * conversion between formats keeps components, hashes, licenses and the dependency graph.
 */
package dev.assay.sbom;
