/**
 * JMH benchmarks of the paths with stated performance targets: opening the advisory database, matching a
 * 5,000-component inventory and verifying a key-signed attestation. Run with {@code bench/jmh}; results are recorded in docs/benchmarks.md.
 */
package dev.assay.bench;
