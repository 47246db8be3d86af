package dev.assay.vulndb.store;

/**
 * A structural inconsistency found while decoding store bytes. It never leaves this package: the file
 * readers turn it into a {@link CorruptAdvisoryDatabaseException} that names the file.
 */
final class MalformedDataException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    MalformedDataException(String message) {
        super(message);
    }
}
