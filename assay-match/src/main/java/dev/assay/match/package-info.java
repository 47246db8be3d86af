/**
 * Matching an inventory against advisories: per-ecosystem matchers that map a component's purl to the OSV
 * package identity and test its version with the ecosystem's own ordering, the merging of records that
 * name the same vulnerability, and the application of VEX statements.
 */
package dev.assay.match;
