/**
 * The server's metrics in the Prometheus text exposition format (version 0.0.4), served at {@code
 * /metrics}: counters and histograms that features register, and {@link
 * dev.assay.server.metrics.MetricsSource}s that report what others count (cache statistics). A few
 * hundred lines instead of a client library: the format is small, and the server needs no more.
 */
package dev.assay.server.metrics;
