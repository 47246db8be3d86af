/**
 * The advisory database on disk: {@link dev.assay.vulndb.store.AdvisoryDatabase} opens it for lookups in
 * milliseconds (memory-mapped, sorted index tables and a records file decoded only where a lookup hits),
 * {@link dev.assay.vulndb.store.AdvisoryDatabaseImporter} writes new generations of it atomically from OSV
 * directories and zips, CISA KEV, EPSS and offline bundles.
 */
package dev.assay.vulndb.store;
