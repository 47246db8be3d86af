/** Rust crates: OSV ecosystem {@code crates.io}. */
package dev.assay.match.cargo;
