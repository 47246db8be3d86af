package dev.assay.model;

import java.util.Objects;

/**
 * Why Assay believes a component is present: which cataloger found it, in which file (and layer), and
 * where its version came from (for example {@code pom.properties}, {@code MANIFEST.MF
 * Implementation-Version}, {@code file name}, {@code package-lock.json}).
 */
public record Evidence(String catalogerId, Location location, String versionSource) implements Comparable<Evidence> {
    public Evidence {
        Objects.requireNonNull(catalogerId, "catalogerId");
        Objects.requireNonNull(location, "location");
        versionSource = versionSource == null ? "" : versionSource;
    }

    @Override
    public int compareTo(Evidence other) {
        int byLocation = location.compareTo(other.location);
        if (byLocation != 0) {
            return byLocation;
        }
        int byCataloger = catalogerId.compareTo(other.catalogerId);
        return byCataloger != 0 ? byCataloger : versionSource.compareTo(other.versionSource);
    }
}
