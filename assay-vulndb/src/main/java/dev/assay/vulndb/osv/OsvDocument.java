package dev.assay.vulndb.osv;

import dev.assay.model.Advisory;

/** What one JSON or YAML document turned out to be. */
public sealed interface OsvDocument {
    /** An OSV record, converted. */
    record Record(Advisory advisory) implements OsvDocument {}

    /**
     * Some other document (an OSV schema, an ecosystem list, a legacy npm advisory, a GitHub GraphQL
     * export): skipped with a warning, never an error.
     */
    record NotOsv(String reason) implements OsvDocument {}
}
