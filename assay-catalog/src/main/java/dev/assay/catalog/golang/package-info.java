/**
 * Go modules: what a {@code go.mod} (with its {@code go.sum}) declares, and what a compiled Go binary
 * records about the modules it was built from (its embedded build info). Binaries are read through
 * bounded, positioned reads of their executable headers, never loaded whole.
 */
package dev.assay.catalog.golang;
