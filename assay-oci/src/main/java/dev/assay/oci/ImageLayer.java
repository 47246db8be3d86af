package dev.assay.oci;

/**
 * One layer of an image.
 *
 * @param index position in the manifest, from 0 (the base)
 * @param blob the layer blob as stored or transferred (possibly compressed)
 * @param diffId digest of the uncompressed tarball, from the image config
 */
public record ImageLayer(int index, Descriptor blob, Digest diffId) {}
