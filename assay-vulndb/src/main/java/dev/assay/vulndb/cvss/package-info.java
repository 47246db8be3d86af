/**
 * CVSS vectors: parsing and validation of CVSS v2, v3.0, v3.1 and v4.0 vector strings and the computation
 * of their scores with the formulas of the FIRST specifications. {@link dev.assay.vulndb.cvss.Cvss} turns an
 * OSV {@code severity[]} entry into a {@link dev.assay.model.Rating} and never throws, so one bad vector
 * cannot fail an import; the per-version types ({@link dev.assay.vulndb.cvss.CvssV2},
 * {@link dev.assay.vulndb.cvss.CvssV3}, {@link dev.assay.vulndb.cvss.CvssV4}) throw
 * {@link dev.assay.vulndb.cvss.InvalidCvssVectorException} with a typed reason.
 */
package dev.assay.vulndb.cvss;
