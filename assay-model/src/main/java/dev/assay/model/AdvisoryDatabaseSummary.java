package dev.assay.model;

import java.time.Instant;
import java.util.Objects;

/**
 * Which advisory database a scan used, so that a report says how current its verdict is.
 *
 * @param snapshot whether it is the small snapshot shipped with Assay rather than a full download
 * @param updatedAt when the newest data in it was fetched or imported
 */
public record AdvisoryDatabaseSummary(String location, Instant updatedAt, boolean snapshot, int advisories) {
    public AdvisoryDatabaseSummary {
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }
}
