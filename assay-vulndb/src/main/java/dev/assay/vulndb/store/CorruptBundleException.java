package dev.assay.vulndb.store;

import dev.assay.model.InvalidInputException;

/**
 * An offline bundle whose manifest does not match its contents (a checksum or size differs, a file is
 * missing or unlisted) or whose manifest is unreadable. Nothing is imported from it.
 */
public class CorruptBundleException extends InvalidInputException {
    private static final long serialVersionUID = 1L;

    public CorruptBundleException(String message, String bundle) {
        this(message, bundle, null);
    }

    public CorruptBundleException(String message, String bundle, Throwable cause) {
        super(message, bundle, "export the bundle again from an intact database and copy it anew", cause);
    }
}
