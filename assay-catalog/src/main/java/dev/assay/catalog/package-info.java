/**
 * Inventory: runs the registered catalogers over a source and merges their results. The catalogers
 * themselves live in one package per ecosystem and are listed in {@link dev.assay.catalog.DefaultCatalogers}.
 */
package dev.assay.catalog;
