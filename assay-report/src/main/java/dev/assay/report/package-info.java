/**
 * Renderers of a {@link dev.assay.model.ScanResult}: a table for people, JSON for tools, SARIF 2.1.0 for code
 * scanning, and a CycloneDX 1.6 vulnerability disclosure report. {@link dev.assay.report.ScanReportFormats} is
 * the one table of formats, by the ids {@code assay scan --format} takes; each renders the same result and none
 * rescans. {@code docs/reports.md} describes each format.
 */
package dev.assay.report;
