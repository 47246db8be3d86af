/**
 * OSV (schema 1.x) records in JSON and YAML, read from directory trees and zip dumps into
 * {@link dev.assay.model.Advisory} values, tolerating the quirks of real databases and bounded against
 * hostile archives.
 */
package dev.assay.vulndb.osv;
