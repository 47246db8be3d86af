/**
 * Container images as inputs: OCI image layouts, {@code docker save} archives and images pulled from a
 * registry, read with every blob's digest verified, and unpacked into a confined root filesystem with the
 * layer that last wrote each file recorded. Everything here treats the image as hostile input.
 */
package dev.assay.oci;
