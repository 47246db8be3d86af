package dev.assay.vulndb.epss;

import dev.assay.model.EpssScore;
import java.util.List;

/**
 * One day's EPSS scores as FIRST publishes them.
 *
 * @param modelVersion from the leading comment ({@code v2025.03.14}); empty when absent
 * @param scoreDate from the leading comment ({@code 2025-08-25T00:00:00+0000}); empty when absent
 * @param skippedRows rows that were not {@code CVE id, probability, percentile} with values in 0..1
 */
public record EpssFile(String modelVersion, String scoreDate, List<EpssScore> scores, int skippedRows) {
    public EpssFile {
        modelVersion = modelVersion == null ? "" : modelVersion;
        scoreDate = scoreDate == null ? "" : scoreDate;
        scores = List.copyOf(scores);
    }
}
