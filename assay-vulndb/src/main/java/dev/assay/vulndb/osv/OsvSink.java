package dev.assay.vulndb.osv;

import dev.assay.model.Advisory;
import dev.assay.model.Location;

/** Receives what {@link OsvFiles} reads, one document at a time, so that nothing accumulates in memory. */
public interface OsvSink {
    /** An OSV record, converted. */
    void record(Advisory advisory, Location location);

    /** A document that should have been a usable record and is not (malformed, too large, no id). */
    void error(Location location, String reason);

    /** A JSON or YAML document that is not an OSV record at all, skipped. */
    void notOsv(Location location, String reason);

    /** A file that is not JSON or YAML by its name, not read. */
    default void ignored(Location location) {}
}
