/**
 * JMH benchmarks of the paths with stated performance targets: opening the advisory database, matching a
 * 5,000-component inventory, verifying a key-signed attestation or a registry image, and reviewing a pod with a cached image policy. Run with {@code bench/jmh}; results are recorded in docs/benchmarks.md.
 */
package dev.assay.bench;
