package dev.assay.vulndb.store;

import dev.assay.model.Unknown;
import java.time.Duration;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What one import call read, before it is committed.
 *
 * @param kind {@code osv}, {@code kev}, {@code epss} or {@code bundle}
 * @param origin the path imported
 * @param recordsRead OSV documents recognized as records (good or bad), KEV or EPSS rows
 * @param recordsAccepted records that will be committed (OSV: after dropping duplicates within this import)
 * @param recordsByEcosystem accepted OSV records per ecosystem (without release suffix); a record affecting
 *     two ecosystems counts in both
 * @param duplicates records whose id appeared again in this import (the newer {@code modified} is kept)
 * @param filesIgnored files not named {@code .json}, {@code .yaml} or {@code .yml}, not opened
 * @param errorCount records that could not be used (malformed, too large, no id), each also in
 *     {@code errors} up to {@link #MAX_LISTED}
 * @param warningCount JSON/YAML documents that are not OSV records, skipped, each also in {@code warnings}
 *     up to {@link #MAX_LISTED}
 */
public record ImportReport(
        String kind,
        String origin,
        int recordsRead,
        int recordsAccepted,
        SortedMap<String, Integer> recordsByEcosystem,
        int duplicates,
        int filesIgnored,
        int errorCount,
        List<Unknown> errors,
        int warningCount,
        List<Unknown> warnings,
        Duration duration) {
    /** How many errors and warnings are kept with their location; the counts are always complete. */
    public static final int MAX_LISTED = 1000;

    /** The {@code catalogerId} of the {@link Unknown}s this report lists. */
    public static final String UNKNOWN_SOURCE = "advisory-import";

    public ImportReport {
        recordsByEcosystem = new TreeMap<>(recordsByEcosystem);
        errors = List.copyOf(errors);
        warnings = List.copyOf(warnings);
    }

    /** Records and documents read but not imported: errors, non-OSV documents and duplicates. */
    public int skipped() {
        return errorCount + warningCount + duplicates;
    }
}
