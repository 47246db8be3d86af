/** npm packages: OSV ecosystem {@code npm}, scoped packages as {@code @scope/name}. */
package dev.assay.match.npm;
