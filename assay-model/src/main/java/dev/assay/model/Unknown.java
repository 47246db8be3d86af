package dev.assay.model;

import java.util.Objects;

/**
 * Something Assay saw but could not read: a truncated lockfile, a zip bomb, a file over the size limit.
 * Unknowns travel with the result so that a partial inventory is never mistaken for a complete one.
 */
public record Unknown(Location location, String catalogerId, String reason) implements Comparable<Unknown> {
    public Unknown {
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(reason, "reason");
        catalogerId = catalogerId == null ? "" : catalogerId;
    }

    @Override
    public int compareTo(Unknown other) {
        int byLocation = location.compareTo(other.location);
        if (byLocation != 0) {
            return byLocation;
        }
        int byCataloger = catalogerId.compareTo(other.catalogerId);
        return byCataloger != 0 ? byCataloger : reason.compareTo(other.reason);
    }
}
