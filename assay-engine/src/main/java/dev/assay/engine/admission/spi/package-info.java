/**
 * Extension points of admission: {@link dev.assay.engine.admission.spi.PolicyLoader}s turn policy
 * documents ({@code --policy FILE}) into admission policies and mutators, one loader per document
 * {@code kind}; {@link dev.assay.engine.admission.spi.CacheStatisticsSource}s let the packs that cache
 * verification results report their hit rate in the server's metrics.
 */
package dev.assay.engine.admission.spi;
