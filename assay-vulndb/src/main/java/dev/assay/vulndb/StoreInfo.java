package dev.assay.vulndb;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The contents of an advisory store, for {@code assay db status} and for the header of every scan report.
 *
 * @param updatedAt when data was last imported or fetched
 * @param snapshot whether this is the advisory snapshot shipped with Assay rather than a full download
 * @param advisoriesByEcosystem record counts per OSV ecosystem (without release suffix)
 * @param sources where the data came from: files, URLs, bundles, each with its own time
 */
public record StoreInfo(
        String location,
        Instant updatedAt,
        boolean snapshot,
        SortedMap<String, Integer> advisoriesByEcosystem,
        int kevEntries,
        int epssScores,
        List<Source> sources) {
    public StoreInfo {
        advisoriesByEcosystem = new TreeMap<>(advisoriesByEcosystem);
        sources = List.copyOf(sources);
    }

    public int advisories() {
        return advisoriesByEcosystem.values().stream()
                .mapToInt(Integer::intValue)
                .sum();
    }

    /** One import or update: what, from where, when, and how many records it brought. */
    public record Source(String kind, String origin, Instant importedAt, int records, Map<String, String> details) {
        public Source {
            details = Map.copyOf(details);
        }
    }
}
