/**
 * Where catalogers read from: a directory, a single file, a root filesystem or an unpacked image, each
 * presented as a {@link dev.assay.catalog.spi.FileResolver} whose paths can never leave the source.
 */
package dev.assay.catalog.source;
