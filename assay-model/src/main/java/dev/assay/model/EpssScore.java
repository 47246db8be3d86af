package dev.assay.model;

import java.util.Objects;

/** FIRST's Exploit Prediction Scoring System: the probability (0..1) of exploitation in the next 30 days. */
public record EpssScore(String cveId, double probability, double percentile) {
    public EpssScore {
        Objects.requireNonNull(cveId, "cveId");
    }
}
