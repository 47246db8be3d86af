package dev.assay.catalog.spi;

import java.util.Set;

/**
 * Finds packages of one kind (one file format) in a source. Implementations are stateless and safe to
 * call concurrently; they report unreadable files as {@link dev.assay.model.Unknown}s instead of throwing.
 */
public interface Cataloger {
    /** A stable kebab-case id, e.g. {@code javascript-package-lock-cataloger}; it appears in output. */
    String id();

    /** What the cataloger covers, used to select catalogers per source kind. */
    Set<CatalogTag> tags();

    CatalogResult catalog(CatalogContext context, FileResolver files);
}
