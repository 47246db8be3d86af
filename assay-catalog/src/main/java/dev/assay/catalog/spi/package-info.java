/**
 * The extension point for inventory: a {@link dev.assay.catalog.spi.Cataloger} reads one kind of file
 * through a {@link dev.assay.catalog.spi.FileResolver} and reports components, relationships and
 * unknowns. Catalogers never walk the file system themselves, so the same cataloger works on a source
 * tree, a root filesystem and the squashed layers of an image.
 */
package dev.assay.catalog.spi;
