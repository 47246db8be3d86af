package dev.assay.catalog.spi;

/** Labels for selecting catalogers: their ecosystem, and whether they read declared or installed packages. */
public enum CatalogTag {
    ECOSYSTEM_JAVA,
    ECOSYSTEM_JAVASCRIPT,
    ECOSYSTEM_PYTHON,
    ECOSYSTEM_GO,
    ECOSYSTEM_RUST,
    ECOSYSTEM_RUBY,
    ECOSYSTEM_PHP,
    ECOSYSTEM_DOTNET,
    ECOSYSTEM_OS,
    /** Reads what a manifest or lockfile declares (source trees). */
    DECLARED,
    /** Reads what is installed (root filesystems, images). */
    INSTALLED,
    /** Runs on source directories and single files. */
    DIRECTORY,
    /** Runs on root filesystems and images. */
    IMAGE
}
