/**
 * Continuous monitoring for the portfolio server: a work queue in the database that several instances
 * share (claims with {@code SELECT ... FOR UPDATE SKIP LOCKED}, leases that expire when an instance dies),
 * outbound webhooks delivered from an outbox with HMAC signatures and back-off, the advisory database's
 * freshness, and the detection of a new advisory generation that triggers one re-analysis.
 */
package dev.assay.server.portfolio.monitor;
