/**
 * CycloneDX and SPDX codecs. Every SBOM Assay reads or writes passes through {@link
 * dev.assay.sbom.SbomCodecs}, converting to and from the one {@link dev.assay.model.Sbom} model, so
 * conversion between formats keeps components, hashes, licenses and the dependency graph.
 *
 * <p>How the model maps onto the formats (details on each class):
 *
 * <ul>
 *   <li>CycloneDX: bom-ref = purl; DEPENDS_ON = {@code dependencies} (every component and the metadata
 *       component listed); CONTAINS = {@code assay:contained-by} properties on the contained component;
 *       evidence = 1.5+ {@code evidence} plus {@code assay:found-by}, {@code assay:location:N...} and
 *       summary properties; unknowns = metadata properties {@code assay:unknown:N} = {@code "path:
 *       reason"}; distro = {@code assay:distro:*} metadata properties and an {@code operating-system}
 *       component.
 *   <li>SPDX 2.3: packages with {@code SPDXRef-Package-} ids and a purl external reference; native
 *       DEPENDS_ON and CONTAINS relationships; Assay's properties as {@code OTHER} annotations.
 *   <li>Deterministic output: sorted everything, serial number and document namespace derived from the
 *       content, timestamp from {@code SOURCE_DATE_EPOCH}.
 * </ul>
 */
package dev.assay.sbom;
