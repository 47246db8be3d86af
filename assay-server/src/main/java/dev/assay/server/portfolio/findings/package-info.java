/**
 * Findings of the portfolio: matching stored inventories against an advisory store after an upload,
 * re-matching only the components whose advisory packages changed when the advisory data moves on, and
 * the reads behind the findings list and the overview (with triage applied).
 */
package dev.assay.server.portfolio.findings;
