/**
 * Rust crates as a {@code Cargo.lock} pins them: every package with its checksum and the dependency edges
 * Cargo resolved. Workspace and path crates (no {@code source}) are the local code under inventory.
 */
package dev.assay.catalog.rust;
