/**
 * Version orderings of every ecosystem and the evaluation of OSV ranges under them. The only place in
 * Assay that compares versions: a matcher asks {@link dev.assay.version.VersionSchemes} for the ecosystem's
 * scheme, or hands an advisory's affected entry to {@link dev.assay.version.AffectedVersions}, and never
 * compares strings itself. Every scheme is a total order that rejects what it cannot read rather than
 * guessing, and bounds its work on hostile input.
 */
package dev.assay.version;
