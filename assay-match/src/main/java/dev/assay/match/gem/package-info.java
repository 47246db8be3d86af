/** Ruby gems: OSV ecosystem {@code RubyGems}. */
package dev.assay.match.gem;
