package dev.assay.catalog.spi;

/** What kind of thing is being inventoried; it decides which catalogers run. */
public enum SourceKind {
    /** A source tree: manifests and lockfiles declare packages. */
    DIRECTORY,
    /** One file: a jar, a lockfile, a binary. */
    FILE,
    /** An unpacked root filesystem: packages are installed. */
    ROOTFS,
    /** The squashed layers of a container image. */
    IMAGE;

    public boolean installed() {
        return this == ROOTFS || this == IMAGE;
    }
}
