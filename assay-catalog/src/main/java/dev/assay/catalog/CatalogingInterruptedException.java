package dev.assay.catalog;

import dev.assay.model.AssayException;

/** The run was interrupted (Ctrl-C, a timeout) before cataloging finished. */
public final class CatalogingInterruptedException extends AssayException {
    public CatalogingInterruptedException(InterruptedException cause) {
        super("cataloging was interrupted", null, cause);
    }

    @Override
    public Kind kind() {
        return Kind.INTERNAL;
    }
}
