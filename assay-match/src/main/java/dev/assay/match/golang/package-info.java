/** Go modules: OSV ecosystem {@code Go}, package = module path in its original case. */
package dev.assay.match.golang;
