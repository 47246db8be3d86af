package dev.assay.catalog.java;

import dev.assay.model.InputTooLargeException;

/** An archive crossed one of the bounds of {@link dev.assay.model.untrusted.Limits}: a likely zip bomb. */
final class ArchiveLimitException extends InputTooLargeException {
    ArchiveLimitException(String message, String input) {
        super(message, input);
    }
}
