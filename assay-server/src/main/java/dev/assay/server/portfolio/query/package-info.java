/**
 * Read-only questions asked across the whole portfolio, answered from the current inventories: which
 * project versions (and the images built from them) contain a package in a version range, or a component
 * affected by a vulnerability, and through which dependency path. Nothing here writes or knows about HTTP.
 */
package dev.assay.server.portfolio.query;
