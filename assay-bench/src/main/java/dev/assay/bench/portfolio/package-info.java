/**
 * End-to-end benchmarks of the portfolio server's storage on PostgreSQL: a generated five-million-component
 * portfolio, impact queries over it, and SBOM ingests one at a time and concurrently. Run with
 * {@code bench/portfolio/run}; results are recorded in docs/benchmarks.md.
 */
package dev.assay.bench.portfolio;
