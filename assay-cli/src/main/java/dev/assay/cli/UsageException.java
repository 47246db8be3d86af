package dev.assay.cli;

import dev.assay.model.InvalidInputException;

/** Flags that do not make sense together or are missing; exit code 2. */
final class UsageException extends InvalidInputException {
    UsageException(String message) {
        super(message, null);
    }
}
