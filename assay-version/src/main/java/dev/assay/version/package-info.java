/**
 * Version orderings of every ecosystem and the evaluation of OSV ranges under them. The only place in
 * Assay that compares versions: a matcher asks {@link dev.assay.version.VersionSchemes} for the ecosystem's
 * scheme and never compares strings itself.
 */
package dev.assay.version;
