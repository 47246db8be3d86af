package dev.assay.server.portfolio.findings;

import java.time.LocalDate;

/** The portfolio-wide rows of the overview. */
public final class PortfolioViews {
    private PortfolioViews() {}

    /** An open, unsuppressed finding of a vulnerability CISA lists as exploited. */
    public record KevFinding(String vulnerability, String project, String version, String purl) {}

    /**
     * A package (purl without version) by how widespread its findings are.
     *
     * @param versions project versions in which it has an open finding
     * @param findings its open findings across the portfolio
     */
    public record TopComponent(String purl, int versions, int findings) {}

    /** Findings open at the end of a day (UTC), by severity. */
    public record DailyCounts(LocalDate date, int critical, int high, int medium, int low, int unknown) {
        public DailyCounts withDate(LocalDate other) {
            return new DailyCounts(other, critical, high, medium, low, unknown);
        }
    }
}
