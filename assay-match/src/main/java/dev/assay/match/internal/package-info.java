/**
 * The matching machinery every ecosystem matcher shares: an OSV package identity, the release an advisory
 * must be scoped to, and the evaluation of a component against the candidate records. Public only so that
 * the ecosystem packages of this module can use it; not an API.
 */
package dev.assay.match.internal;
