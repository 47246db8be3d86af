/**
 * {@code assay server}: an HTTP(S) server on Helidon that features plug their routes into ({@link
 * dev.assay.server.ServerFeature}): the Kubernetes admission webhook now, the portfolio API and dashboard
 * later. The server itself owns what every feature shares: TLS with certificate reload, {@code /healthz},
 * {@code /readyz}, {@code /metrics}, request-size limits, and error responses that never carry a stack.
 */
package dev.assay.server;
