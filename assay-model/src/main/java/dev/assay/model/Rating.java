package dev.assay.model;

import java.util.Objects;

/**
 * One severity assessment of a vulnerability: a CVSS vector with the base score computed from it, or a
 * database's own label (GitHub's {@code database_specific.severity}, a distribution's urgency).
 *
 * @param method {@code CVSS_V2}, {@code CVSS_V3}, {@code CVSS_V4} (OSV's severity types) or
 *     {@code DATABASE} for a label without a vector
 * @param score the base score, or {@code NaN} when there is none
 * @param vector the CVSS vector as published; empty for a label
 * @param source who rated it: the advisory source or ecosystem
 */
public record Rating(String method, double score, Severity severity, String vector, String source) {
    public static final String DATABASE = "DATABASE";

    public Rating {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(severity, "severity");
        vector = vector == null ? "" : vector;
        source = source == null ? "" : source;
    }

    public boolean hasScore() {
        return !Double.isNaN(score);
    }
}
