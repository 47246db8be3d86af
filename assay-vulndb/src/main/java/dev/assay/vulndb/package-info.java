/**
 * The local advisory database: import of OSV records, CISA KEV and EPSS, a store built to be opened and
 * queried in milliseconds, and its updates from a remote OSV mirror or an offline bundle.
 */
package dev.assay.vulndb;
