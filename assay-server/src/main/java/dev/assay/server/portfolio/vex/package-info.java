/**
 * Export of a project version's triage decisions as OpenVEX and CycloneDX VEX documents, which
 * {@code assay scan --vex} reads back.
 */
package dev.assay.server.portfolio.vex;
