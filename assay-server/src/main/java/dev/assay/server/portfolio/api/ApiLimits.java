package dev.assay.server.portfolio.api;

/**
 * Request-size limits.
 *
 * @param maxUploadBytes the largest document upload (an SBOM, a SARIF report) as sent (compressed or not),
 *     and the largest document after decompression
 * @param maxJsonBytes the largest JSON request body of the other endpoints, which are all small
 */
public record ApiLimits(long maxUploadBytes, long maxJsonBytes) {
    public static final ApiLimits DEFAULT = new ApiLimits(64L * 1024 * 1024, 1024L * 1024);

    public ApiLimits {
        if (maxUploadBytes <= 0 || maxJsonBytes <= 0) {
            throw new IllegalArgumentException("limits must be positive");
        }
    }
}
