/**
 * Renderers of a {@link dev.assay.model.ScanResult}: a table for people, JSON for tools, SARIF 2.1.0 for code
 * scanning, and a CycloneDX vulnerability disclosure report. Each renders the same result; none rescans.
 */
package dev.assay.report;
