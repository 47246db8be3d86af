/**
 * The network half of {@code assay db update}: downloads the per-ecosystem OSV dumps
 * ({@code <base>/<Ecosystem>/all.zip}) into a local cache, resuming interrupted transfers, skipping
 * unchanged ones with conditional requests, and verifying every completed file before it replaces the
 * previous one. Importing the zips is not done here; {@link dev.assay.vulndb.update.OsvDownloader} hands
 * back one {@link dev.assay.vulndb.update.EcosystemDownload} per ecosystem and the caller imports.
 */
package dev.assay.vulndb.update;
