/**
 * Triage decisions in VEX terms (state, justification, comment, author), scoped to one finding, to every
 * version of a project or to a package version range across the portfolio, and the rule that picks the
 * decision in effect for a finding. Decisions are never rewritten; later ones supersede earlier ones.
 */
package dev.assay.server.portfolio.triage;
