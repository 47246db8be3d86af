package dev.assay.server.portfolio.query;

/**
 * Bounds that keep one impact query cheap whatever the portfolio looks like: a package present in every
 * version, or a dependency graph full of diamonds, must not turn one request into minutes of work.
 *
 * @param maxAffected components listed at most (the report says when it stopped)
 * @param maxPathsPerComponent dependency paths listed per affected component, shortest first
 * @param maxPathDepth edges walked upwards from a component at most; longer paths are not reported
 */
public record ImpactLimits(int maxAffected, int maxPathsPerComponent, int maxPathDepth) {
    /** One path per component: the shortest, stored at ingest, so an impact query never walks the graph. */
    public static final ImpactLimits DEFAULT = new ImpactLimits(10_000, 1, 16);

    public ImpactLimits {
        if (maxAffected < 1 || maxPathsPerComponent < 0 || maxPathDepth < 0) {
            throw new IllegalArgumentException("impact limits must be positive: " + maxAffected + ", "
                    + maxPathsPerComponent + ", " + maxPathDepth);
        }
    }
}
